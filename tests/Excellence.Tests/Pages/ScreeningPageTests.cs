using System.Net;
using System.Net.Http.Headers;
using Excellence.Tests.Api;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

/// <summary>Screening through the pages, without JavaScript: the queue, the decision form, the applicant's answer page.</summary>
public class ScreeningPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_secretariat_requests_a_supplement_the_applicant_answers_with_a_file_and_the_secretariat_passes_it()
    {
        var org = await build.Organization();
        var a = await build.InScreening(org);
        var applicant = await build.Applicant(org);
        var staff = await app.SignedIn(await build.Secretariat());

        var queue = await staff.Html("/Secretariat/Screening");
        Assert.Contains(a.ReceiptNumber!, queue);
        Assert.Contains($"/Secretariat/Screening/{a.Id}", queue);
        var page = await staff.Html($"/Secretariat/Screening/{a.Id}");
        Assert.Contains("申报表填写完整", page);
        Assert.Contains(a.Title, page);

        var due = Shanghai.Today(app.Clock.GetUtcNow()).AddDays(7);
        var missingDue = await staff.PostForm($"/Secretariat/Screening/{a.Id}", new { Decision = "RequestSupplement", Items = "营业执照" });
        Assert.Equal(HttpStatusCode.OK, missingDue.StatusCode);
        Assert.Contains("请填写补充材料截止日期", await missingDue.Content.ReadAsStringAsync());
        Assert.Equal(Stage.Screening, (await build.Reload(a.Id))!.Stage);

        var requested = await staff.PostForm($"/Secretariat/Screening/{a.Id}",
            new { Decision = "RequestSupplement", Items = "营业执照副本\n近两年质量提升活动证明", DueDate = due.ToString("yyyy-MM-dd"), Reason = "请补齐" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(Stage.AwaitingSupplement, (await build.Reload(a.Id))!.Stage);
        Assert.Contains(a.ReceiptNumber!, await staff.Html("/Secretariat/Screening?Stage=AwaitingSupplement"));

        var request = await app.WithDb<SupplementRequest>(async (db, _) => await db.SupplementRequests.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.ApplicationId == a.Id));
        var items = request.Items.OrderBy(i => i.Order).ToList();
        var owner = await app.SignedIn(applicant);
        var detail = await owner.Html($"/Organization/Applications/{a.Id}");
        Assert.Contains($"请在 {due.Month}月{due.Day}日前补充材料", detail);
        var path = $"/Organization/Applications/{a.Id}/Supplement/{request.Id}";
        Assert.Contains(path, detail);

        var form = new MultipartFormDataContent
        {
            { new StringContent(Http.AntiforgeryToken(await owner.Html(path))), "__RequestVerificationToken" },
            { new StringContent("已上传营业执照副本"), $"items[{items[0].Id}].text" },
            { new StringContent("2025年参加区质量提升行动"), $"items[{items[1].Id}].text" },
        };
        var file = new ByteArrayContent(ScreeningApiTests.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, $"items[{items[0].Id}].files", "营业执照.pdf");
        var answered = await owner.PostAsync(path, form);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(Stage.Screening, (await build.Reload(a.Id))!.Stage);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.SupplementFiles.CountAsync(f => f.ApplicationId == a.Id)));

        var again = await staff.Html($"/Secretariat/Screening/{a.Id}");
        Assert.Contains("营业执照.pdf", again);
        Assert.Contains("已上传营业执照副本", again);
        var fields = DefaultChecklist.For(a.Category).Select(i => new KeyValuePair<string, string>($"met[{i.Code}]", "true"))
            .Append(new("Decision", "Pass")).ToList();
        var passed = await staff.PostForm($"/Secretariat/Screening/{a.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.Equal(Stage.PreliminaryReview, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task Others_are_kept_out_of_the_screening_pages_and_another_organisations_supplement()
    {
        var org = await build.Organization();
        var a = await build.InScreening(org);
        var staff = await app.ApiClient(await build.Secretariat());
        var response = await ScreeningApiTests.Screen(staff, a.Id, new { decision = "RequestSupplement", dueDate = Shanghai.Today(app.Clock.GetUtcNow()).AddDays(3).ToString("yyyy-MM-dd"), items = new[] { "x" } });
        var requestId = (await response.Json()).GetProperty("supplementRequestId").GetGuid();

        var stranger = await app.SignedIn(await build.Applicant(await build.Organization()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Organization/Applications/{a.Id}/Supplement/{requestId}")).StatusCode);
        var denied = await stranger.GetAsync("/Secretariat/Screening");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/Secretariat/Screening/{a.Id}")).StatusCode);
        var owner = await app.SignedIn(await build.Applicant(org));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Organization/Applications/{a.Id}/Supplement/{requestId}")).StatusCode);
    }

    [Fact]
    public async Task The_checklist_editor_rewords_adds_and_removes_items_for_a_year_and_category()
    {
        await build.OpenRound();
        var staff = await app.SignedIn(await build.Secretariat());
        var url = "/Secretariat/Screening/Checklist?year=2026&category=IndividualExperience";
        Assert.Contains("热爱祖国", await staff.Html(url));
        var rows = DefaultChecklist.For(Excellence.Web.Domain.Category.IndividualExperience)
            .SelectMany((item, i) => new[] { new KeyValuePair<string, string>($"Items[{i}].Code", item.Code),
                new($"Items[{i}].Text", item.Code == "Article6.4" ? "" : item.Code == "Article6.1" ? "遵纪守法，恪守公德" : item.Text) })
            .Append(new("Items[7].Code", "")).Append(new("Items[7].Text", "提供单位推荐函")).Append(new("Version", "0")).ToList();
        var saved = await staff.PostForm(url, rows);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDb<ScreeningChecklist>(async (db, _) => await db.ScreeningChecklists.AsNoTracking().SingleAsync(c => c.Year == 2026 && c.Category == Excellence.Web.Domain.Category.IndividualExperience));
        Assert.Equal(7, stored.Items.Count);
        Assert.Equal("遵纪守法，恪守公德", stored.Items[0].Text);
        Assert.DoesNotContain(stored.Items, i => i.Code == "Article6.4");
        Assert.Equal(new ChecklistItem("Item.1", "提供单位推荐函"), stored.Items[^1]);
    }
}
