using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Excellence.Web.Infrastructure.Hosting;

namespace Excellence.Web.Infrastructure.Mail;

public sealed class SmtpOptions
{
    /// <summary>When empty, mail is written as .eml files under {DataDirectory}/mail.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool StartTls { get; set; } = true;
    public string From { get; set; } = "noreply@excellence.local";
    public string FromName { get; set; } = "卓越管理创新成果评价平台";
}

public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends mail through SMTP when configured, otherwise drops it as an .eml file that can be opened.</summary>
public sealed class Mailer(IOptions<SmtpOptions> smtp, IOptions<ExcellenceOptions> options, ILogger<Mailer> log)
{
    public string PickupDirectory => options.Value.DataPath("mail");

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var s = smtp.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(s.FromName, s.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(s.Host))
        {
            Directory.CreateDirectory(PickupDirectory);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml";
            await message.WriteToAsync(Path.Combine(PickupDirectory, name), ct);
            log.LogInformation("Mail to {To} written to {File}", mail.To, name);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(s.Host, s.Port, s.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(s.UserName)) await client.AuthenticateAsync(s.UserName, s.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    public sealed record StoredMail(string FileName, DateTime WrittenAt, string To, string Subject, long Size);

    /// <summary>The mails written to the pickup directory, newest first.</summary>
    public IReadOnlyList<StoredMail> List(int max = 500)
    {
        if (!Directory.Exists(PickupDirectory)) return [];
        return new DirectoryInfo(PickupDirectory).EnumerateFiles("*.eml")
            .OrderByDescending(f => f.Name).Take(max)
            .Select(f =>
            {
                var m = MimeMessage.Load(f.FullName);
                return new StoredMail(f.Name, f.LastWriteTimeUtc, m.To.ToString(), m.Subject ?? "", f.Length);
            }).ToList();
    }

    /// <summary>A stored mail by file name; null for names that are not plain files of the directory.</summary>
    public MimeMessage? Open(string fileName)
    {
        if (fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".eml", StringComparison.Ordinal)) return null;
        var path = Path.Combine(PickupDirectory, fileName);
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}
