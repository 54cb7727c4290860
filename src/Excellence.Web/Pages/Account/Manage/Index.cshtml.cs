using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Accounts;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account.Manage;

/// <summary>The signed-in user's account: who they are, what they may do, and a new password.</summary>
public sealed class IndexModel(UserManager<User> users, SignInManager<User> signIn, AppDb db, AuditRecorder audit,
    StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty] public PasswordInput Input { get; set; } = new();
    public User Account { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string? Affiliation { get; private set; }
    public bool OfferTwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        ModelState.Clear();
        if (!await Load()) return Challenge();
        if (string.IsNullOrEmpty(Input.CurrentPassword)) ModelState.AddModelError("Input.CurrentPassword", T["Validation.Required"]);
        if (string.IsNullOrEmpty(Input.NewPassword)) ModelState.AddModelError("Input.NewPassword", T["Validation.Required"]);
        else if (Input.NewPassword != Input.ConfirmPassword) ModelState.AddModelError("Input.ConfirmPassword", T["Account.PasswordsDiffer"]);
        if (!ModelState.IsValid) return Page();

        audit.Describe("Account.PasswordChanged");
        var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            AccountRules.Problems(users, result, mismatch ? "currentPassword" : "newPassword").AddTo(ModelState, catalog);
            return Page();
        }
        // The security stamp changed (other sessions end); this one continues with a fresh cookie.
        await signIn.RefreshSignInAsync(Account);
        TempData["Flash"] = T["Account.PasswordChanged"].Value;
        return Redirect("/Account/Manage");
    }

    private async Task<bool> Load()
    {
        var actor = HttpContext.Actor();
        var user = actor is null ? null : await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null) return false;
        Account = user;
        Roles = actor!.Roles.OrderBy(r => Domain.Roles.All.ToList().IndexOf(r)).ToList();
        if (user.OrganizationId is { } orgId)
            Affiliation = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync();
        else if (user.RecommenderUnitId is { } unitId)
            Affiliation = await db.RecommenderUnits.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync();
        OfferTwoFactor = !user.TwoFactorEnabled && actor.Roles.Overlaps(Domain.Roles.OfferTwoFactor);
        return true;
    }
}
