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

/// <summary>Sign-in by e-mail and password. Every failure counts towards the lockout (five, then 15 minutes).</summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AuditRecorder audit,
    TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", T["Validation.Required"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", T["Validation.Required"]);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", T["Account.BadCredentials"]);
            return Page();
        }
        // lockoutOnFailure: true — without it Identity does not count failures at all.
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user);
            var minutes = end is null ? 15 : Math.Max(1, (int)Math.Ceiling((end.Value - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError("", T["Account.LockedOutFor", minutes]);
            return Page();
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", T["Account.NotAllowed"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", T["Account.BadCredentials"]);
            return Page();
        }
        await RecordSignIn(users, audit, clock, user);
        return LocalRedirect(SafeReturnUrl(Url, ReturnUrl, await users.GetRolesAsync(user)));
    }

    internal static async Task RecordSignIn(UserManager<User> users, AuditRecorder audit, TimeProvider clock, User user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        audit.Describe("Account.SignedIn");
        await users.UpdateAsync(user);
    }

    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl, IList<string> roles) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : Landing(roles);

    /// <summary>Where a role's work starts: the secretariat's workbench, the organisation's applications, …</summary>
    internal static string Landing(IList<string> roles) =>
        roles.Contains(Domain.Roles.Secretariat) ? "/Secretariat"
        : roles.Contains(Domain.Roles.Applicant) ? "/Organization/Applications"
        : roles.Contains(Domain.Roles.Recommender) ? "/Recommender/Applications"
        : roles.Contains(Domain.Roles.Expert) ? "/Expert"
        : roles.Contains(Domain.Roles.Approver) ? "/Approver"
        : roles.Contains(Domain.Roles.Administrator) ? "/Staff/Users"
        : "/Account/Manage";
}
