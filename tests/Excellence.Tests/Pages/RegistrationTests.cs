using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class RegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int seq = 7_000;
    private static string NewCode() => Build.CreditCodeFor(Interlocked.Increment(ref seq));

    private async Task<(int Users, int Organizations)> Counts() =>
        await app.WithDb(async (db, _) => (await db.Users.CountAsync(), await db.Organizations.CountAsync()));

    /// <summary>The error message rendered under a field (the _FieldError partial).</summary>
    private static string? ErrorUnder(string html, string field)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{field.Replace('.', '_')}-error\">([^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [Fact]
    public async Task Invalid_credit_code_mobile_and_postcode_are_refused_in_Chinese_next_to_each_field_and_nothing_is_created()
    {
        var before = await Counts();
        var response = await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm("91350100M000100Y44", Build.UniqueEmail("reg"),
            ("Org.ContactMobile", "12345678901"), ("Org.RegisteredPostcode", "20012")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("统一社会信用代码校验位不正确，应为 3", ErrorUnder(html, "Org.CreditCode"));
        Assert.Equal("请输入有效的手机号码（11 位，以 1 开头）", ErrorUnder(html, "Org.ContactMobile"));
        Assert.Equal("邮政编码应为 6 位数字", ErrorUnder(html, "Org.RegisteredPostcode"));
        Assert.Null(ErrorUnder(html, "Org.MailingPostcode"));
        Assert.Contains("value=\"上海卓越测试有限公司\"", html); // the input is kept
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task The_same_errors_are_in_English_with_the_culture_query_or_cookie()
    {
        var before = await Counts();
        var form = Build.RegistrationForm("91350100M000100Y44", Build.UniqueEmail("reg"), ("Org.ContactMobile", "12345678901"), ("Org.MailingPostcode", "abc"));
        var byQuery = await (await app.NewClient().PostForm("/Account/Register?culture=en", form)).Content.ReadAsStringAsync();
        Assert.Equal("The credit code's check character is wrong; it should be 3", ErrorUnder(byQuery, "Org.CreditCode"));
        Assert.Equal("Enter a valid mainland mobile number (11 digits starting with 1)", ErrorUnder(byQuery, "Org.ContactMobile"));
        Assert.Equal("The postcode must be 6 digits", ErrorUnder(byQuery, "Org.MailingPostcode"));

        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var byCookie = await (await client.PostForm("/Account/Register", form)).Content.ReadAsStringAsync();
        Assert.Equal("The credit code's check character is wrong; it should be 3", ErrorUnder(byCookie, "Org.CreditCode"));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_second_registration_with_the_same_credit_code_is_a_field_error_and_creates_nothing()
    {
        var existing = await new Build(app).Organization();
        var before = await Counts();
        var email = Build.UniqueEmail("dup");
        var response = await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm(existing.CreditCode.ToLowerInvariant(), email));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("该统一社会信用代码已注册，请联系本单位已有用户邀请您加入", ErrorUnder(html, "Org.CreditCode"));
        Assert.Equal(before, await Counts());
        Assert.False(await app.WithDb((db, _) => db.Users.AnyAsync(u => u.Email == email)));

        var english = await (await app.NewClient().PostForm("/Account/Register?culture=en", Build.RegistrationForm(existing.CreditCode, email))).Content.ReadAsStringAsync();
        Assert.Equal("An organisation with this credit code is already registered; ask its users to invite you", ErrorUnder(english, "Org.CreditCode"));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Market_entity_type_is_required_only_for_market_entities_and_other_needs_its_text()
    {
        var before = await Counts();
        var html = await (await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm(NewCode(), Build.UniqueEmail("reg"),
            ("Org.MarketEntityType", ""), ("Org.SectorOther", "")))).Content.ReadAsStringAsync();
        Assert.Equal("此项为必填项", ErrorUnder(html, "Org.MarketEntityType"));
        Assert.Equal("此项为必填项", ErrorUnder(html, "Org.SectorOther"));
        Assert.Equal(before, await Counts());

        html = await (await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm(NewCode(), Build.UniqueEmail("reg"),
            ("Org.Nature", "Other"), ("Org.MarketEntityType", "")))).Content.ReadAsStringAsync();
        Assert.Null(ErrorUnder(html, "Org.MarketEntityType"));
        Assert.Equal("此项为必填项", ErrorUnder(html, "Org.NatureOther"));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_password_rules_in_Chinese()
    {
        var before = await Counts();
        var html = await (await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm(NewCode(), Build.UniqueEmail("reg"),
            ("Input.Password", "short"), ("Input.ConfirmPassword", "short")))).Content.ReadAsStringAsync();
        Assert.Equal("密码至少需要 10 个字符", ErrorUnder(html, "Input.Password"));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_valid_registration_creates_one_organisation_and_one_applicant_signs_in_and_is_audited()
    {
        var before = await Counts();
        var code = NewCode();
        var email = Build.UniqueEmail("reg");
        var client = app.NewClient();
        var response = await client.PostForm("/Account/Register", Build.RegistrationForm(code, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Organization/Profile", response.Headers.Location!.OriginalString);
        Assert.Equal((before.Users + 1, before.Organizations + 1), await Counts());

        var (org, user, roles, audit) = await app.WithDb(async (db, _) =>
        {
            var o = await db.Organizations.SingleAsync(x => x.CreditCode == code);
            var u = await db.Users.SingleAsync(x => x.Email == email);
            var r = await (from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id where ur.UserId == u.Id select role.Name).ToListAsync();
            var a = await db.AuditEvents.Where(e => e.RecordId == o.Id.ToString() || e.RecordId == u.Id.ToString())
                .Select(e => e.Action + "/" + e.RecordType).ToListAsync();
            return (o, u, r, a);
        });
        Assert.Equal(org.Id, user.OrganizationId);
        Assert.Equal([Roles.Applicant], roles);
        Assert.Equal(["IntegratedCircuits"], org.Sectors);
        Assert.Equal("工业软件", org.SectorOther);
        Assert.Equal(MarketEntityType.Private, org.MarketEntityType);
        Assert.Equal("139****5678", org.ContactMobileMasked);
        Assert.Equal(1, org.Version);
        Assert.Contains("Organization.Registered/Organization", audit);
        Assert.Contains("Organization.Registered/User", audit);
        Assert.Contains("Account.RoleGranted/User", audit);

        var profile = await client.Html("/Organization/Profile");
        Assert.Contains("上海卓越测试有限公司", profile);
        Assert.Contains("139****5678", profile);
        Assert.DoesNotContain("13912345678", profile);
    }

    [Fact]
    public async Task The_contact_mobile_is_not_stored_in_plaintext()
    {
        var code = NewCode();
        var response = await app.NewClient().PostForm("/Account/Register", Build.RegistrationForm(code, Build.UniqueEmail("reg")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var raw = await app.WithDb(async (db, _) =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT \"ContactMobileCipher\" FROM \"Organizations\" WHERE \"CreditCode\" = '" + code + "'";
            return (string)(await cmd.ExecuteScalarAsync())!;
        });
        Assert.False(string.IsNullOrEmpty(raw));
        Assert.DoesNotContain("13912345678", raw);
    }

    [Fact]
    public async Task An_unusual_Shanghai_postcode_is_a_warning_not_an_error()
    {
        var code = NewCode();
        var client = app.NewClient();
        var response = await client.PostForm("/Account/Register", Build.RegistrationForm(code, Build.UniqueEmail("reg"), ("Org.MailingPostcode", "100080")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("提示：上海的邮政编码通常为 200000–202999，请核对", await client.Html("/Organization/Profile"));
        Assert.True(await app.WithDb((db, _) => db.Organizations.AnyAsync(o => o.CreditCode == code)));
    }
}
