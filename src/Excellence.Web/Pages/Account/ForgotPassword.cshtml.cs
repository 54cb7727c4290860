using System.Globalization;
using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Pages.Account;

/// <summary>
/// Mails a reset link. The answer is the same whether or not the address has an account, and the link is
/// built from PublicBaseUrl, never from the request's Host header (which an attacker controls).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<User> users, Mailer mailer, StringCatalog catalog,
    IOptions<ExcellenceOptions> options) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var email = (Email ?? "").Trim();
        if (Domain.Organizations.OrganizationProfile.CheckEmail(email) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), catalog.Text(problem, CultureInfo.CurrentUICulture));
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is { IsDisabled: false })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/Account/ResetPassword?email=" + Uri.EscapeDataString(user.Email!)
                       + "&code=" + code;
            var culture = CultureInfo.CurrentUICulture;
            await mailer.SendAsync(new OutgoingMail(user.Email!, catalog.Text("Mail.ResetPassword.Subject", culture),
                catalog.Text("Mail.ResetPassword.Body", culture, link)), HttpContext.RequestAborted);
        }
        Sent = true;
        return Page();
    }
}
