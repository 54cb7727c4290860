using System.Net;
using System.Text.RegularExpressions;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class TwoFactorEnrolmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, TestUser user) =>
        await client.PostForm("/Account/SignIn", new { Input_Email = user.Email, Input_Password = user.Password });

    [Fact]
    public async Task A_secretariat_account_without_two_factor_enrols_and_then_signs_in_with_a_code()
    {
        var user = await build.User(Roles.Secretariat);
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(client, user)).StatusCode);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/TwoFactor?required=true", home.Headers.Location!.OriginalString);

        var start = await client.Html("/Account/TwoFactor?required=true");
        Assert.Contains("必须启用双因素验证后才能继续使用", start);
        Assert.Contains("data-two-factor-start", start);
        var started = await client.PostForm("/Account/TwoFactor?required=true", new { }, "/Account/TwoFactor?handler=Start&required=true");
        Assert.Equal("/Account/TwoFactor?required=true", started.Headers.Location!.OriginalString);
        var page = await client.Html("/Account/TwoFactor?required=true");
        Assert.Contains("src=\"data:image/png;base64,", page);
        var grouped = Regex.Match(page, "data-shared-key>([a-z2-7 ]+)<").Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", grouped);
        var key = grouped.Replace(" ", "").ToUpperInvariant();

        var wrong = await client.PostForm("/Account/TwoFactor", new { Code = "000000" }, "/Account/TwoFactor?handler=Enable");
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());
        Assert.False(await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var enabled = await client.PostForm("/Account/TwoFactor", new { Code = Http.TotpCode(key) }, "/Account/TwoFactor?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>");
        Assert.Equal(10, codes.Count);
        Assert.True(await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // this session goes on, no more redirect

        await client.PostForm("/", new { }, "/Account/SignOut");
        var again = app.NewClient();
        var first = await SignIn(again, user);
        Assert.StartsWith("/Account/SignInTwoFactor", first.Headers.Location!.OriginalString);
        var second = await again.PostForm(first.Headers.Location.OriginalString, new { Code = Http.TotpCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);

        // Required for this role: it cannot be turned off.
        var refused = await again.PostForm("/Account/TwoFactor", new { }, "/Account/TwoFactor?handler=Disable");
        Assert.Contains("秘书处和管理员账号必须使用双因素验证，不能停用。", await refused.Content.ReadAsStringAsync());
        Assert.True(await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Experts_are_offered_two_factor_and_may_turn_it_off_again()
    {
        var user = await build.Expert();
        var client = await app.SignedIn(user);
        var manage = await client.Html("/Account/Manage");
        Assert.Contains("data-two-factor-offer", manage);
        Assert.Contains("评审专家", manage);

        Assert.DoesNotContain("data-two-factor-required", await client.Html("/Account/TwoFactor"));
        await client.PostForm("/Account/TwoFactor", new { }, "/Account/TwoFactor?handler=Start");
        var page = await client.Html("/Account/TwoFactor");
        var key = Regex.Match(page, "data-shared-key>([a-z2-7 ]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        await client.PostForm("/Account/TwoFactor", new { Code = Http.TotpCode(key) }, "/Account/TwoFactor?handler=Enable");
        Assert.DoesNotContain("data-two-factor-offer", await client.Html("/Account/Manage"));

        var off = await client.PostForm("/Account/TwoFactor", new { }, "/Account/TwoFactor?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task The_account_page_shows_name_email_roles_and_organisation()
    {
        var org = await build.Organization();
        var user = await build.Applicant(org);
        var html = await (await app.SignedIn(user)).Html("/Account/Manage");
        Assert.Contains(user.Email, html);
        Assert.Contains("申报单位", html);
        Assert.Contains(org.Name, html);
    }
}
