using System.Net;
using Excellence.Tests.Support;

namespace Excellence.Tests.Pages;

public class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_home_page_shows_the_latest_year_with_its_deadline_timeline_and_categories_in_Chinese()
    {
        using var own = new AppFactory();
        await new Build(own).Round(2030);
        await new Build(own).Round(2031);
        var html = System.Net.WebUtility.HtmlDecode(await own.NewClient().Html("/"));
        Assert.Contains("2031年卓越管理创新成果评价", html);
        Assert.Contains("2031年8月23日 15:00", html);
        Assert.Contains("data-deadline=\"2031-08-23T15:00:00+08:00\"", html);
        Assert.Contains("成果申报及推荐", html);
        Assert.Contains("卓越质量管理模式（组织）", html);
        Assert.Contains("成果内容 5000 字以内", html);
        Assert.Contains("标杆级", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Switching_to_English_is_remembered_by_a_cookie()
    {
        await new Build(app).Round(2032);
        var client = app.NewClient();
        var response = await client.PostForm("/", new { culture = "en", returnUrl = "/" }, postPath: "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.Html("/");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Submission deadline", html);
        Assert.Contains("2032 evaluation", html);
    }

    [Fact]
    public async Task A_browser_asking_for_English_still_gets_the_Chinese_site_until_the_visitor_switches()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("lang=\"zh-CN\"", await client.Html("/"));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.NewClient().GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_past_year_stays_readable_at_its_own_address()
    {
        await new Build(app).Round(2019);
        var html = await app.NewClient().Html("/years/2019");
        Assert.Contains("2019年卓越管理创新成果评价", html);
        Assert.Contains("申报已截止", html);
    }

    [Fact]
    public async Task An_unknown_year_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/years/1901")).StatusCode);

    [Fact]
    public async Task A_staff_page_sends_an_anonymous_visitor_to_sign_in()
    {
        var response = await app.NewClient().GetAsync("/Staff/Audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }
}
