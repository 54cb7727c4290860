using Excellence.Web.Data;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account;

/// <summary>The second step for accounts with an authenticator: a 6-digit code, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<User> signIn, UserManager<User> users, AuditRecorder audit,
    TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public bool UseRecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), T["Validation.Required"]);
            return Page();
        }
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", T["Account.LockedOutFor", 15]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), T["Account.BadTwoFactorCode"]);
            return Page();
        }
        await SignInModel.RecordSignIn(users, audit, clock, user);
        return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl, await users.GetRolesAsync(user)));
    }
}
