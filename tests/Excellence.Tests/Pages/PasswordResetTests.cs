using System.Net;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class PasswordResetTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_reset_link_uses_the_public_address_even_when_the_host_header_is_forged()
    {
        var user = await build.Applicant();
        var client = app.NewClient();
        var token = Http.AntiforgeryToken(await client.Html("/Account/ForgotPassword"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent([new("Email", user.Email), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var link = Build.LinkIn(Build.LastMailTo(app, user.Email));
        Assert.StartsWith("https://excellence.test/Account/ResetPassword?email=", link);
        Assert.DoesNotContain("evil.example", Build.LastMailTo(app, user.Email).TextBody);
    }

    [Fact]
    public async Task The_answer_is_the_same_whether_or_not_the_address_has_an_account()
    {
        var user = await build.Applicant();
        var mailsBefore = Build.Mails(app).Count;
        var known = await (await app.NewClient().PostForm("/Account/ForgotPassword", new { Email = user.Email })).Content.ReadAsStringAsync();
        var unknown = await (await app.NewClient().PostForm("/Account/ForgotPassword", new { Email = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@test.local" })).Content.ReadAsStringAsync();
        const string sent = "如果该电子邮件已注册，重设密码的链接已发送，2 小时内有效。请查收邮件。";
        Assert.Contains(sent, known);
        Assert.Contains(sent, unknown);
        Assert.Equal(mailsBefore + 1, Build.Mails(app).Count);
    }

    [Fact]
    public async Task A_reset_sets_the_new_password_follows_the_rules_and_ends_the_old_session()
    {
        var user = await build.Applicant();
        var oldSession = await app.SignedIn(user);
        Assert.Contains("action=\"/Account/SignOut\"", await oldSession.Html("/"));

        await app.NewClient().PostForm("/Account/ForgotPassword", new { Email = user.Email });
        var path = new Uri(Build.LinkIn(Build.LastMailTo(app, user.Email))).PathAndQuery;
        var client = app.NewClient();

        var weak = await client.PostForm(path, new { Input_Password = "weakpassword1!", Input_ConfirmPassword = "weakpassword1!" });
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Password-error\">密码需要包含至少一个大写字母<", weakHtml);

        // Every broken rule is shown at once, not one per attempt.
        var short_ = await (await client.PostForm(path, new { Input_Password = "abc", Input_ConfirmPassword = "abc" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Password-error\">密码至少需要 10 个字符<br />", short_);
        Assert.Contains("密码需要包含至少一个数字", short_);
        Assert.Contains("密码需要包含至少一个大写字母", short_);

        var english = await client.PostForm(path + "&culture=en", new { Input_Password = "weakpassword1!", Input_ConfirmPassword = "weakpassword1!" });
        Assert.Contains("id=\"Input_Password-error\">The password needs at least one upper-case letter<", await english.Content.ReadAsStringAsync());

        const string newPassword = "Neu@Passwort2026";
        var done = await client.PostForm(path, new { Input_Password = newPassword, Input_ConfirmPassword = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Account/SignIn", done.Headers.Location!.OriginalString);

        var html = await oldSession.Html("/");
        Assert.DoesNotContain("action=\"/Account/SignOut\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/Account/Manage")).StatusCode);
        await app.SignedIn(user with { Password = newPassword });

        // The link is spent.
        var again = await app.NewClient().PostForm(path, new { Input_Password = "Zweit@Passwort2026", Input_ConfirmPassword = "Zweit@Passwort2026" });
        Assert.Contains("链接或验证码无效或已过期", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_password_on_the_account_page_needs_the_current_one()
    {
        var user = await build.Applicant();
        var client = await app.SignedIn(user);
        var stampBefore = await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());
        var wrong = await client.PostForm("/Account/Manage",
            new { Input_CurrentPassword = "Wrong@Passw0rd!", Input_NewPassword = "Neu@Passwort2026", Input_ConfirmPassword = "Neu@Passwort2026" },
            "/Account/Manage?handler=Password");
        Assert.Contains("id=\"Input_CurrentPassword-error\">密码不正确<", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(stampBefore, await app.WithDb((db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync()));

        var right = await client.PostForm("/Account/Manage",
            new { Input_CurrentPassword = user.Password, Input_NewPassword = "Neu@Passwort2026", Input_ConfirmPassword = "Neu@Passwort2026" },
            "/Account/Manage?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("密码已修改。", await client.Html("/Account/Manage")); // this session continues
        await app.SignedIn(user with { Password = "Neu@Passwort2026" });
    }
}
