using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;

namespace Excellence.Tests.Structure;

/// <summary>Sign-in attempts and token requests beyond the limit are told to slow down: 429, not 503, in the visitor's language.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly AppFactory app = new AppFactory().With("RateLimits:AuthPermitsPerMinute", "3");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_gets_429_and_a_chinese_page()
    {
        var client = app.NewClient();
        for (var i = 1; i <= 3; i++)
        {
            var attempt = await client.PostForm("/Account/SignIn", new { Input_Email = "nobody@test.local", Input_Password = "Wrong@Password1" });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        var fourth = await client.PostForm("/Account/SignIn", new { Input_Email = "nobody@test.local", Input_Password = "Wrong@Password1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("请求过于频繁", await fourth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_english_visitor_is_told_to_slow_down_in_english()
    {
        var client = app.NewClient();
        for (var i = 1; i <= 3; i++)
            await client.PostForm("/Account/SignIn?culture=en", new { Input_Email = "nobody@test.local", Input_Password = "Wrong@Password1" });
        var fourth = await client.PostForm("/Account/SignIn?culture=en", new { Input_Email = "nobody@test.local", Input_Password = "Wrong@Password1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Too many requests", await fourth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sign_in_page_itself_is_not_limited()
    {
        var client = app.NewClient();
        for (var i = 1; i <= 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    [Fact]
    public async Task The_fourth_token_request_in_a_minute_gets_a_429_problem_in_the_requested_language()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.local", password = "Wrong@Password1" })).StatusCode);
        var fourth = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.local", password = "Wrong@Password1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        var json = await fourth.Json();
        Assert.Equal(429, json.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests. Please try again in a minute.", json.GetProperty("title").GetString());
    }
}
