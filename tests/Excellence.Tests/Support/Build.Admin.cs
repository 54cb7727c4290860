using System.Text.RegularExpressions;
using MimeKit;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    /// <summary>The mails written to the app's pickup directory for one address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string email)
    {
        var dir = Path.Combine(App.DataDirectory, "mail");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The path and query of the set-password link in the last mail to the address.</summary>
    public string SetPasswordLink(string email)
    {
        var m = Regex.Match(MailsTo(email)[^1].TextBody ?? "", @"https://excellence\.test(/Account/SetPassword\?\S+)");
        Assert.True(m.Success, "the mail has no set-password link");
        return m.Groups[1].Value;
    }
}
