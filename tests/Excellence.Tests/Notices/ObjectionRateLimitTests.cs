using System.Net;
using Excellence.Tests.Support;

namespace Excellence.Tests.Notices;

/// <summary>Objections are limited per client address: beyond the limit the caller is told to slow down (429), localised.</summary>
public sealed class ObjectionRateLimitTests : IDisposable
{
    private readonly AppFactory app = new AppFactory().With("RateLimits:ObjectionsPerHour", "2");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_third_objection_from_one_address_within_the_hour_gets_429_and_reading_stays_free()
    {
        var build = new Build(app);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        Assert.Equal(HttpStatusCode.Created, (await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13900001111"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Objections.File(app, client, notice.Id, new(a.Id, Identity: "bad"))).StatusCode);
        var third = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13900002222"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("Too many requests. Please try again in a minute.", (await third.Json()).GetProperty("title").GetString());
        var page = await client.PostForm($"/notices/{notice.Id}/object", new { Input_Name = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/notices/{notice.Id}")).StatusCode);
    }
}
