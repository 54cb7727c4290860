using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;

namespace Excellence.Tests.Notices;

/// <summary>The applicant's consent to publish (同意公示和发布…) is part of the draft: shown checked by default, saved by API and page.</summary>
public class ConsentTests(NoticeAppFactory app) : IClassFixture<NoticeAppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_applicant_withdraws_consent_in_the_draft_and_a_draft_saved_without_the_field_keeps_it()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var org = await build.Organization();
        var a = await build.Application(org);
        var client = await app.ApiClient(await build.Applicant(org));

        var read = await (await client.GetAsync($"/api/v1/applications/{a.Id}")).Json();
        Assert.True(read.GetProperty("consentToPublish").GetBoolean());

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{a.Id}")
        {
            Content = JsonContent.Create(new { report = new { title = "不公开名称的成果" }, direct = true, directApplicationReason = "直接申报", consentToPublish = false }),
        };
        put.Headers.IfMatch.ParseAdd("\"0\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        Assert.False((await build.Reload(a.Id))!.ConsentToPublish);

        var again = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{a.Id}")
        {
            Content = JsonContent.Create(new { report = new { title = "不公开名称的成果" }, direct = true, directApplicationReason = "直接申报" }),
        };
        again.Headers.IfMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(again)).StatusCode);
        Assert.False((await build.Reload(a.Id))!.ConsentToPublish);

        var page = await (await app.SignedIn(await build.Applicant(org))).Html($"/Organization/Applications/{a.Id}");
        Assert.Contains("同意公示和发布本单位（申报人）名称、成果名称、类别和等级", page);
    }
}
