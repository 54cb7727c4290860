using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static Task<HttpResponseMessage> Attempt(HttpClient client, TestUser user, string password) =>
        client.PostForm("/Account/SignIn", new { Input_Email = user.Email, Input_Password = password });

    [Fact]
    public async Task Five_failures_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var user = await build.Applicant();
        var client = app.NewClient();
        for (var i = 1; i <= 4; i++)
        {
            var failed = await Attempt(client, user, "Wrong@Password1");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("电子邮件或密码不正确", await failed.Content.ReadAsStringAsync());
        }
        Assert.Equal(4, await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        var fifth = await Attempt(client, user, "Wrong@Password1");
        Assert.Contains("账号已锁定", await fifth.Content.ReadAsStringAsync());

        var right = await Attempt(client, user, user.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("excellence.auth=")));
    }

    [Fact]
    public async Task The_right_password_signs_in_and_sets_a_secure_http_only_cookie()
    {
        var user = await build.Applicant();
        var response = await Attempt(app.NewClient(), user, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("excellence.auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_secretariat_account_signs_in_with_its_authenticator_code()
    {
        var user = await build.Secretariat();
        var client = app.NewClient();
        var first = await Attempt(client, user, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/SignInTwoFactor", first.Headers.Location!.OriginalString);

        var wrong = await client.PostForm(first.Headers.Location.OriginalString, new { Code = "000000" });
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());

        var right = await client.PostForm(first.Headers.Location.OriginalString, new { Code = Http.TotpCode(user.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("action=\"/Account/SignOut\"", await client.Html("/"));
    }

    [Fact]
    public async Task The_token_endpoint_counts_failures_towards_the_same_lockout()
    {
        var user = await build.Applicant();
        var client = app.NewClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "Wrong@Password1" })).StatusCode);
        var fifth = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "Wrong@Password1" });
        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);
        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Equal("Account.LockedOut", (await locked.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_staff_token_needs_the_second_factor()
    {
        var user = await build.Secretariat();
        var client = app.NewClient();
        var without = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Account.TwoFactorCodeRequired", (await without.Json()).GetProperty("code").GetString());
        var with = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { email = user.Email, password = user.Password, twoFactorCode = Http.TotpCode(user.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.False(string.IsNullOrEmpty((await with.Json()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var user = await build.Applicant();
        await app.WithDb(async db => { (await db.Users.SingleAsync(u => u.Id == user.Id)).IsDisabled = true; await db.SaveChangesAsync(); });
        var response = await Attempt(app.NewClient(), user, user.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该账号已停用", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_at_once()
    {
        var user = await build.Applicant();
        var client = await app.SignedIn(user);
        Assert.Contains("action=\"/Account/SignOut\"", await client.Html("/"));
        await app.WithDb(async db => { (await db.Users.SingleAsync(u => u.Id == user.Id)).IsDisabled = true; await db.SaveChangesAsync(); });
        var html = await client.Html("/");
        Assert.DoesNotContain("action=\"/Account/SignOut\"", html);
        Assert.Contains("href=\"/Account/SignIn\"", html);
    }

    [Fact]
    public async Task Each_role_lands_where_its_work_starts_and_the_secretariat_sees_its_workbench()
    {
        var applicant = await build.Applicant();
        var landed = await Attempt(app.NewClient(), applicant, applicant.Password);
        Assert.Equal("/Organization/Applications", landed.Headers.Location!.OriginalString);

        await build.Round(2026);
        var secretariat = await build.Secretariat();
        var client = app.NewClient();
        var first = await Attempt(client, secretariat, secretariat.Password);
        var second = await client.PostForm(first.Headers.Location!.OriginalString, new { Code = Http.TotpCode(secretariat.AuthenticatorKey!) });
        Assert.Equal("/Secretariat", second.Headers.Location!.OriginalString);
        var workbench = await client.Html("/Secretariat");
        Assert.Contains("秘书处工作台", workbench);
        Assert.Contains("当前年度：2026年", workbench);
        Assert.Contains("href=\"/Secretariat/Diagnosis/IndicatorSystems\"", workbench);

        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignedIn(applicant)).GetAsync("/Secretariat")).StatusCode);
    }
}
