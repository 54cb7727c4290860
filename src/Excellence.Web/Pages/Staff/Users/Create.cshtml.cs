using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Staff.Users;

/// <summary>A new account: name, e-mail and roles; its owner gets a mail to choose a password.</summary>
public sealed class CreateModel(AppDb db, CreateAccount.Handler create, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public List<string> Roles { get; set; } = [];
        public Guid? RecommenderUnitId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(Guid? unit)
    {
        Input.RecommenderUnitId = unit;
        if (unit is not null) Input.Roles.Add(Domain.Roles.Recommender);
        await Load();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await create.Handle(HttpContext.RequiredActor(),
            new CreateAccount.Command(Input.Name, Input.Email, Input.Roles, Input.RecommenderUnitId), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Users.Created", Input.Email!.Trim()].Value;
            return Redirect($"/Staff/Users/Edit/{outcome.Value}");
        }
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog);
        else outcome.Reason!.AddTo(ModelState, catalog);
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Grantable = Permissions.GrantableRoles(HttpContext.RequiredActor());
        Units = (await db.RecommenderUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync()).Select(u => (u.Id, u.Name)).ToList();
    }
}
