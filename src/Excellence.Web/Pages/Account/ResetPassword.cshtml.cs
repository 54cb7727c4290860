using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Features.Accounts;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account;

/// <summary>Sets a new password from a mailed link. The security stamp changes, so every other session ends.</summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<User> users, AuditRecorder audit, StringCatalog catalog,
    IStringLocalizer<Strings> T) : PageModel
{
    public sealed class ResetInput
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public ResetInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", T["Validation.Required"]);
        else if (Input.Password != Input.ConfirmPassword) ModelState.AddModelError("Input.ConfirmPassword", T["Account.PasswordsDiffer"]);
        if (!ModelState.IsValid) return Page();

        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        string? token = null;
        try { token = Code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)); }
        catch (FormatException) { }
        if (user is null || token is null)
        {
            ModelState.AddModelError("", T["Identity.InvalidToken"]);
            return Page();
        }
        audit.Describe("Account.PasswordReset");
        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            var badToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            if (badToken) ModelState.AddModelError("", T["Identity.InvalidToken"]);
            else AccountRules.Problems(users, result, "password").AddTo(ModelState, catalog);
            return Page();
        }
        // A reset proves control of the mailbox: lift a lockout the forgotten password may have caused.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = T["Account.ResetPassword.Done"].Value;
        return Redirect("/Account/SignIn");
    }
}
