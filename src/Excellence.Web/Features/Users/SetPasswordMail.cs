using System.Globalization;
using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Users;

/// <summary>
/// The mail that lets a person the secretariat created choose their first password: a link to
/// /Account/SetPassword carrying Identity's password-reset token, built from PublicBaseUrl.
/// </summary>
public static class SetPasswordMail
{
  public sealed class Handler(UserManager<User> users, Mailer mailer, StringCatalog catalog, IOptions<ExcellenceOptions> options)
  {
    public async Task SendAsync(User user, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Account/SetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        string Text(string key, string lang, params object[] args) => catalog.Text(key, CultureInfo.GetCultureInfo(lang), args);
        var body = Text("Mail.SetPassword.Body", "zh-CN", user.DisplayName, link) + "\n\n----\n\n" + Text("Mail.SetPassword.Body", "en", user.DisplayName, link);
        var subject = Text("Mail.SetPassword.Subject", "zh-CN") + " / " + Text("Mail.SetPassword.Subject", "en");
        await mailer.SendAsync(new OutgoingMail(user.Email!, subject, body), ct);
    }
  }

    /// <summary>The token back from the link's code; null when the code is not even well-formed.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
