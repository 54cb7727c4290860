using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;

namespace Excellence.Tests.Pages;

public class ApplicationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_form_shows_the_paper_sections_the_counters_and_the_checklist()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), customise: x => x.Content = "我们采用PDCA循环，ISO 9001认证，2023年营收增长12.5%。");
        var html = WebUtility.HtmlDecode(await (await app.SignedIn(await build.Applicant(org))).Html($"/Organization/Applications/{a.Id}"));
        foreach (var text in new[] { "一、组织基本情况", "二、开展质量改进与创新活动情况", "三、近三年获奖情况", "四、成果报告", "五、推荐意见",
                     "已输入 21 / 8000 字", "已输入 10 / 30 字", "质量改进与创新活动包括卓越绩效管理活动", "本单位推荐意见", "上级单位推荐意见", "已填写完整，可以提交。" })
            Assert.Contains(text, html);
    }

    [Fact]
    public async Task The_autosave_answers_the_time_and_a_stale_autosave_answers_412_with_what_changed()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.SignedIn(await build.Applicant(org));
        var path = $"/Organization/Applications/{a.Id}";
        object Fields(string title) => new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.Report.Title"] = title, ["Input.Report.Overview"] = "组织概述。", ["Input.Report.Content"] = "成果内容。",
            ["Input.Report.Effectiveness"] = "管理成效。", ["Input.RecommenderId"] = unit.Id.ToString(), ["Input.Direct"] = "false",
            ["Input.OwnUnitOpinion"] = "同意推荐。", ["Input.QualityActivities[0].Name"] = "QC小组活动", ["Input.QualityActivities[0].Result"] = "优秀",
        };

        var saved = await client.PostForm(path, (IEnumerable<KeyValuePair<string, string>>)Fields("第一次保存"), path + "?handler=Autosave");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Json();
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("10:00:00", body.GetProperty("savedAt").GetString());

        var stale = await client.PostForm(path, (IEnumerable<KeyValuePair<string, string>>)Fields("过期的保存"), path + "?handler=Autosave");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.Json();
        Assert.Equal(["report.title"], problem.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("成果标题", problem.GetProperty("message").GetString());
        Assert.Equal("第一次保存", (await build.Reload(a.Id))!.Title);
    }

    [Fact]
    public async Task Submitting_from_the_page_shows_the_receipt_and_the_read_only_form()
    {
        var org = await build.Organization();
        var unit = await build.Recommender(name: "页面测试推荐单位" + Guid.NewGuid().ToString("N")[..4]);
        var a = await build.Application(org, unit);
        var client = await app.SignedIn(await build.Applicant(org));
        var path = $"/Organization/Applications/{a.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.Report.Title"] = a.Title, ["Input.Report.Overview"] = "组织概述。", ["Input.Report.Content"] = "成果内容。",
            ["Input.Report.Effectiveness"] = "管理成效。", ["Input.RecommenderId"] = unit.Id.ToString(), ["Input.Direct"] = "false",
            ["Input.OwnUnitOpinion"] = "同意推荐。", ["Input.QualityActivities[0].Name"] = "QC小组活动", ["Input.QualityActivities[0].Result"] = "优秀",
        };
        fields["Input.Eligibility[0].Condition"] = "Article5.1";
        for (var i = 1; i <= 5; i++)
        {
            fields[$"Input.Eligibility[{i}].Condition"] = $"Article5.{i + 1}";
            fields[$"Input.Eligibility[{i}].Met"] = "true";
        }
        var response = await client.PostForm(path, fields, path + "?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.AwaitingRecommendation, stored.Stage);
        var html = WebUtility.HtmlDecode(await client.Html(path));
        Assert.Contains($"申报已提交，受理编号 {stored.ReceiptNumber}。", html);
        Assert.Contains("等待推荐单位审核", html);
        Assert.Contains(unit.Name, html);
        Assert.DoesNotContain("id=\"application-form\"", html);
        Assert.Contains("撤回申报", html);
    }
}

public class ResidentIdRevealTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_the_secretariat_sees_the_full_resident_id_and_every_look_is_audited()
    {
        var build = new Build(app);
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var applicant = await build.Applicant(org);
        var api = await app.ApiClient(applicant);
        var saved = await Excellence.Tests.Api.ApplicationApiTests.Put(api, a.Id, "\"0\"",
            new { nominee = new { name = "王芳", residentId = "11010519491231002X", gender = "Female" }, report = new { title = "经验" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var staff = await app.SignedIn(await build.Secretariat());
        var path = $"/Secretariat/Applications/{a.Id}";
        var masked = await staff.Html(path);
        Assert.Contains("110***********002X", masked);
        Assert.DoesNotContain("11010519491231002X", masked);
        var revealed = await staff.PostForm(path, new { }, path + "?handler=Reveal");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains("11010519491231002X", await revealed.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDb<int>(async (db, _) =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEvents, e => e.Action == "Nominee.ResidentIdRevealed" && e.RecordId == a.Id.ToString())));

        var page = await app.SignedIn(applicant);
        var refused = await page.PostForm($"/Organization/Applications/{a.Id}", new { }, path + "?handler=Reveal");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/AccessDenied", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEvents, e => e.Action == "Nominee.ResidentIdRevealed")));
        var own = await page.Html($"/Organization/Applications/{a.Id}");
        Assert.DoesNotContain("11010519491231002X", own);
    }
}
