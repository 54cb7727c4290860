using System.Net;
using System.Text.RegularExpressions;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Notices;

/// <summary>The public pages: the notice list, and the objection form as a browser without JavaScript sends it.</summary>
public partial class ObjectionPageTests(NoticeAppFactory app) : IClassFixture<NoticeAppFactory>
{
    private readonly Build build = new(app);

    private static async Task<HttpResponseMessage> PostObjection(HttpClient client, string path, string html, Guid applicationId, string identity,
        string? website = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Http.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(FormToken().Match(html).Groups[1].Value.Replace("&#x2B;", "+").Replace("&#x2F;", "/").Replace("&#x3D;", "=")), "Input.FormToken" },
            { new StringContent(applicationId.ToString()), "Input.ApplicationId" },
            { new StringContent("孙实名"), "Input.Name" },
            { new StringContent("Mobile"), "Input.IdentityKind" },
            { new StringContent(identity), "Input.Identity" },
            { new StringContent("13700001111"), "Input.Contact" },
            { new StringContent("该成果的实施时间与申报材料所述不一致，请予核查。"), "Input.Grounds" },
            { new StringContent(website ?? ""), "Input.Website" },
        };
        return await client.PostAsync(path, form);
    }

    [Fact]
    public async Task Anyone_files_an_objection_through_the_public_form_and_gets_a_receipt_number()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();
        Assert.Contains($"/notices/{notice.Id}", await client.Html("/notices"));
        var path = $"/notices/{notice.Id}/object";
        var html = await client.Html(path);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var response = await PostObjection(client, path, html, a.Id, "13700002222");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await app.WithDb((db, _) => db.Objections.Where(o => o.ApplicationId == a.Id).Select(o => o.ReceiptNumber).SingleAsync());
        Assert.Contains("受理编号", body);
        Assert.Contains(receipt, body);
    }

    [Fact]
    public async Task The_form_refuses_a_filled_honeypot_without_storing_anything()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();
        var path = $"/notices/{notice.Id}/object";
        var html = await client.Html(path);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var response = await PostObjection(client, path, html, a.Id, "13700003333", website: "http://spam.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.ApplicationId == a.Id)));
    }

    [Fact]
    public async Task After_the_period_the_form_says_when_the_period_was_and_offers_no_form()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 10), a);

        var html = await app.NewClient().Html($"/notices/{notice.Id}/object?culture=zh-CN");

        Assert.Contains("公示期为2026年6月10日至2026年6月16日，现已结束，不再受理异议", html);
        Assert.DoesNotContain("submit-objection", html);
    }

    [GeneratedRegex("name=\"Input.FormToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
