using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Staff.Users;

/// <summary>One account: its roles, disabling and enabling with a reason, and the set-password mail again.</summary>
public sealed class EditModel(AppDb db, UserManager<User> users, ChangeRoles.Handler changeRoles, SetAccountDisabled.Handler setDisabled,
    SetPasswordMail.Handler mail, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public User Account { get; private set; } = null!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    public Decision CanSwitch { get; private set; } = Decision.Allow;

    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public Guid? RecommenderUnitId { get; set; }
    [BindProperty] public string? RolesReason { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await Load(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(Guid id)
    {
        var outcome = await changeRoles.Handle(HttpContext.RequiredActor(), new ChangeRoles.Command(id, Roles, RecommenderUnitId, RolesReason));
        return await After(id, outcome, T["Users.RolesSaved"]);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id) => await Switch(id, true);

    public async Task<IActionResult> OnPostEnableAsync(Guid id) => await Switch(id, false);

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        await mail.SendAsync(user, HttpContext.RequestAborted);
        TempData["Flash"] = T["Users.MailSent", user.Email!].Value;
        return Redirect($"/Staff/Users/Edit/{id}");
    }

    private async Task<IActionResult> Switch(Guid id, bool disabled)
    {
        var outcome = await setDisabled.Handle(HttpContext.RequiredActor(), new SetAccountDisabled.Command(id, disabled, Reason));
        return await After(id, outcome, disabled ? T["Users.DisabledDone"] : T["Users.EnabledDone"]);
    }

    private async Task<IActionResult> After(Guid id, Outcome<Done> outcome, string flash)
    {
        if (outcome.IsOk)
        {
            TempData["Flash"] = flash;
            return Redirect($"/Staff/Users/Edit/{id}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, prefix: "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        if (outcome.Kind == OutcomeKind.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
        return await Load(id, keepInput: true) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, bool keepInput = false)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return false;
        Account = user;
        CurrentRoles = (await users.GetRolesAsync(user)).ToList();
        var actor = HttpContext.RequiredActor();
        Grantable = Permissions.GrantableRoles(actor);
        CanSwitch = Permissions.CanSetAccountDisabled(actor, user.Id, CurrentRoles.ToList());
        if (!keepInput)
        {
            Roles = CurrentRoles.ToList();
            RecommenderUnitId = user.RecommenderUnitId;
        }
        Units = (await db.RecommenderUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync())
            .Select(u => (u.Id, u.Name)).ToList();
        return true;
    }
}
