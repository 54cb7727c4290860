using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account;

/// <summary>
/// The first password of an account the secretariat created, from the link in its mail (Identity's
/// password-reset token). Choosing it also confirms the e-mail address, since the link arrived there.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class SetPasswordModel(UserManager<User> users, AuditRecorder audit, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), T["Validation.Required"]);
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), T["Account.SetPassword.Mismatch"]);
        if (!ModelState.IsValid) return Page();

        var token = SetPasswordMail.Decode(Code);
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || token is null)
        {
            // The same answer for an unknown address as for a bad link: the page does not reveal accounts.
            ModelState.AddModelError("", T["Identity.InvalidToken"]);
            return Page();
        }
        audit.Describe("Account.PasswordSet");
        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "", e.Description);
            return Page();
        }
        TempData["Flash"] = catalog.Text("Account.SetPassword.Done", CultureInfo.CurrentUICulture);
        return Redirect("/Account/SignIn");
    }
}
