using System.Text.RegularExpressions;
using MimeKit;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    /// <summary>The fields of a complete, valid registration form; override any by name (e.g. "Org.ContactMobile").</summary>
    public static List<KeyValuePair<string, string>> RegistrationForm(string creditCode, string email, params (string Key, string Value)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.DisplayName", "张注册"), new("Input.Email", email),
            new("Input.Password", Password), new("Input.ConfirmPassword", Password),
            new("Org.Name", "上海卓越测试有限公司"), new("Org.CreditCode", creditCode), new("Org.District", "310115"),
            new("Org.EstablishedOn", "2015-03-01"), new("Org.RegisteredAddress", "上海市浦东新区张江路1号"),
            new("Org.RegisteredPostcode", "201203"), new("Org.MailingAddress", "上海市浦东新区张江路1号"),
            new("Org.MailingPostcode", "201203"), new("Org.Nature", "MarketEntity"), new("Org.MarketEntityType", "Private"),
            new("Org.Industry", "Manufacturing"), new("Org.Sectors", "IntegratedCircuits"), new("Org.Sectors", "Other"),
            new("Org.SectorOther", "工业软件"), new("Org.Scale", "Medium"), new("Org.IsSpecialisedSme", "true"),
            new("Org.ContactName", "李联系"), new("Org.ContactDepartment", "质量部（部长）"),
            new("Org.ContactMobile", "+86 139-1234-5678"), new("Org.ContactEmail", "quality@example.cn"),
        };
        foreach (var (key, value) in overrides)
        {
            var i = fields.FindIndex(f => f.Key == key);
            if (i >= 0) fields[i] = new(key, value);
            else fields.Add(new(key, value));
        }
        return fields;
    }

    /// <summary>The mails the app wrote to its pickup directory, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Mails(AppFactory app)
    {
        var dir = Path.Combine(app.DataDirectory, "mail");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public static MimeMessage LastMailTo(AppFactory app, string to) =>
        Mails(app).Last(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The first https link in a mail's text.</summary>
    public static string LinkIn(MimeMessage mail) => Regex.Match(mail.TextBody, @"https?://\S+").Value;
}
