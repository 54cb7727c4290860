using Excellence.Web.Data;
using Excellence.Web.Features;
using Excellence.Web.Features.Recommenders;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Security;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Secretariat.Recommenders;

/// <summary>Create or change a recommending unit, and create accounts for its people.</summary>
public sealed class EditModel(AppDb db, SaveRecommender.Handler save, CreateAccount.Handler createAccount, PersonalData pii,
    StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed record Member(Guid Id, string Name, string Email, bool IsDisabled, bool HasPassword);

    [BindProperty] public SaveRecommender.Input Input { get; set; } = new();
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? UserEmail { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null) return Page();
        var unit = await db.RecommenderUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();
        Input = new SaveRecommender.Input
        {
            Name = unit.Name, Kind = unit.Kind, CreditCode = unit.CreditCode, District = unit.District, ContactName = unit.ContactName,
            ContactPhone = pii.Unprotect(unit.ContactPhoneCipher), ContactEmail = unit.ContactEmail, IsActive = unit.IsActive,
        };
        await LoadMembers(id.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var outcome = await save.Handle(HttpContext.RequiredActor(), id, Input, HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Recommenders.Saved", Input.Name!.Trim()].Value;
            return Redirect($"/Secretariat/Recommenders/Edit/{outcome.Value}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog);
        else outcome.Reason!.AddTo(ModelState, catalog);
        if (id is not null) await LoadMembers(id.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAddUserAsync(Guid id)
    {
        var unit = await db.RecommenderUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null) return NotFound();
        var outcome = await createAccount.Handle(HttpContext.RequiredActor(),
            new CreateAccount.Command(UserName, UserEmail, [Domain.Roles.Recommender], id), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Users.Created", UserEmail!.Trim()].Value;
            return Redirect($"/Secretariat/Recommenders/Edit/{id}");
        }
        ModelState.Clear();
        if (outcome.Kind == OutcomeKind.Invalid)
            foreach (var e in outcome.Errors)
                ModelState.AddModelError(e.Field switch { "name" => nameof(UserName), "email" => nameof(UserEmail), _ => "" },
                    catalog.Text(e.Problem, System.Globalization.CultureInfo.CurrentUICulture));
        else outcome.Reason!.AddTo(ModelState, catalog);
        return await OnGetAsync(id);
    }

    private async Task LoadMembers(Guid id)
    {
        Id = id;
        Members = await db.Users.AsNoTracking().Where(u => u.RecommenderUnitId == id).OrderBy(u => u.Email)
            .Select(u => new Member(u.Id, u.DisplayName, u.Email ?? "", u.IsDisabled, u.PasswordHash != null)).ToListAsync();
    }
}
