using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>The application resource through /api/v1: drafts, versions, submission, recommendation, visibility.</summary>
public class ApplicationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    internal static async Task<(JsonElement Body, string ETag)> Read(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/applications/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json(), response.Headers.ETag!.ToString());
    }

    internal static Task<HttpResponseMessage> Put(HttpClient client, Guid id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    internal static object Form(Guid? recommenderId, string title = "数字化质量管控模式", string content = "成果内容。", bool? direct = null) => new
    {
        qualityActivities = new[] { new { name = "QC小组活动", result = "优秀" } },
        awards = Array.Empty<object>(),
        report = new { title, overview = "组织概述。", content, effectiveness = "管理成效。" },
        eligibility = new[] { "Article5.2", "Article5.3", "Article5.4", "Article5.5", "Article5.6" }.Select(c => new { condition = c, met = (bool?)true }),
        recommenderId = recommenderId,
        direct,
        ownUnitOpinion = "同意推荐。",
    };

    [Fact]
    public async Task An_applicant_creates_a_draft_saves_it_with_its_etag_and_reads_it_back()
    {
        await build.OpenRound();
        var org = await build.Organization();
        var unit = await build.Recommender();
        var client = await app.ApiClient(await build.Applicant(org));

        var created = await client.PostAsJsonAsync("/api/v1/applications", new { year = 2026, category = "OrganizationModel" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("Draft", body.GetProperty("stage").GetString());
        Assert.Equal(0, body.GetProperty("version").GetInt32());
        Assert.Equal(org.Name, body.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("\"0\"", created.Headers.ETag!.ToString());

        var saved = await Put(client, id, "\"0\"", Form(unit.Id));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.ToString());

        var (read, etag) = await Read(client, id);
        Assert.Equal("\"1\"", etag);
        Assert.Equal("数字化质量管控模式", read.GetProperty("report").GetProperty("title").GetString());
        Assert.Equal(unit.Id, read.GetProperty("recommenderId").GetGuid());
        Assert.Equal("QC小组活动", read.GetProperty("qualityActivities")[0].GetProperty("name").GetString());
        Assert.Equal(6, read.GetProperty("eligibility").GetArrayLength());
        Assert.True(read.GetProperty("eligibility")[0].GetProperty("computed").GetBoolean());
        Assert.True(read.GetProperty("eligibility")[0].GetProperty("met").GetBoolean());
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Application.DraftSaved" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task A_put_without_if_match_or_version_is_refused_with_428()
    {
        var org = await build.Organization();
        var a = await build.Application(org, complete: false);
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await Put(client, a.Id, null, new { report = new { title = "新标题" } });
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("", (await build.Reload(a.Id))!.Title);
    }

    [Fact]
    public async Task Two_clients_editing_one_draft_never_overwrite_each_other_the_stale_save_answers_412_and_what_changed()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var first = await app.ApiClient(await build.Applicant(org));
        var second = await app.ApiClient(await build.Applicant(org), "en");
        var (_, etag1) = await Read(first, a.Id);
        var (_, etag2) = await Read(second, a.Id);
        Assert.Equal(etag1, etag2);

        Assert.Equal(HttpStatusCode.OK, (await Put(first, a.Id, etag1, Form(unit.Id, title: "第一位的标题"))).StatusCode);
        var stale = await Put(second, a.Id, etag2, Form(unit.Id, title: "第二位的标题", content: "第二位的内容"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.Json();
        Assert.Equal("Someone else changed this record; reload and try again (your input is still in the form)", problem.GetProperty("title").GetString());
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(["report.title", "report.content"], problem.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal("第一位的标题", stored.Title);
        Assert.Equal("成果内容。", stored.Content);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Field_rules_answer_in_Chinese_and_in_English_and_nothing_is_saved()
    {
        var org = await build.Organization();
        var a = await build.Application(org, complete: false, category: Category.IndividualExperience);
        var bad = new
        {
            nominee = new { name = "李四", residentId = "310101199001011235", gender = "Female", yearsOfWork = 5, yearsInCurrentPost = 8, email = "not-mail", phone = "12345" },
            report = new { title = "标题" },
        };
        var zh = await Put(await app.ApiClient(await build.Applicant(org)), a.Id, "\"0\"", bad);
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        var zhErrors = (await zh.Json()).GetProperty("errors");
        Assert.Equal("身份证号校验位不正确，应为 4", zhErrors.GetProperty("nominee.residentId")[0].GetString());
        Assert.Equal("现岗位工作年限（8 年）不能超过工作年限（5 年）", zhErrors.GetProperty("nominee.yearsInCurrentPost")[0].GetString());
        Assert.Equal("电子邮件地址格式不正确", zhErrors.GetProperty("nominee.email")[0].GetString());
        Assert.Equal("请输入有效的手机或固定电话号码（如 021-62524131）", zhErrors.GetProperty("nominee.phone")[0].GetString());

        var en = await Put(await app.ApiClient(await build.Applicant(org), "en"), a.Id, "\"0\"", bad);
        var enErrors = (await en.Json()).GetProperty("errors");
        Assert.Equal("The ID number's check character is wrong; it should be 4", enErrors.GetProperty("nominee.residentId")[0].GetString());
        Assert.Equal("Years in the current post (8) cannot exceed years of work (5)", enErrors.GetProperty("nominee.yearsInCurrentPost")[0].GetString());

        // A valid ID whose 17th digit (3, odd) says male, with gender female.
        var mismatch = await Put(await app.ApiClient(await build.Applicant(org), "en"), a.Id, "\"0\"",
            new { nominee = new { residentId = "310101199001011234", gender = "Female" }, report = new { title = "标题" } });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("The gender does not agree with the ID number (17th digit odd for male, even for female)",
            (await mismatch.Json()).GetProperty("errors").GetProperty("nominee.gender")[0].GetString());

        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(0, stored.Version);
        Assert.Equal("", stored.Title);
        Assert.Equal("", stored.Nominee!.ResidentIdCipher);
    }

    [Fact]
    public async Task An_award_older_than_three_years_is_refused_with_the_date_it_must_follow()
    {
        var org = await build.Organization();
        var a = await build.Application(org, complete: false);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        var response = await Put(client, a.Id, "\"0\"", new { awards = new[] { new { name = "市质量奖", date = "2023-06-17", awardingBody = "市政府" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The award must be from the last three years (after 2023-06-18)",
            (await response.Json()).GetProperty("errors").GetProperty("awards[0].date")[0].GetString());
        Assert.Empty((await build.Reload(a.Id))!.Awards);
        Assert.Equal(HttpStatusCode.OK, (await Put(client, a.Id, "\"0\"", new { awards = new[] { new { name = "市质量奖", date = "2023-06-18", awardingBody = "市政府" } } })).StatusCode);
    }

    [Fact]
    public async Task A_draft_may_hold_text_over_its_limit_but_it_cannot_be_submitted()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        var longTitle = new string('质', 31);
        Assert.Equal(HttpStatusCode.OK, (await Put(client, a.Id, "\"0\"", Form(unit.Id, title: longTitle))).StatusCode);
        var submit = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal("31 characters, over the limit of 30", (await submit.Json()).GetProperty("errors").GetProperty("report.title")[0].GetString());
        Assert.Equal(Stage.Draft, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task An_incomplete_draft_is_refused_at_submission_with_the_list_of_what_is_missing()
    {
        var org = await build.Organization();
        var a = await build.Application(org, complete: false);
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Equal(["qualityActivities", "report.title", "report.overview", "report.content", "report.effectiveness",
            "eligibility[1].met", "eligibility[2].met", "eligibility[3].met", "eligibility[4].met", "eligibility[5].met", "recommenderId", "ownUnitOpinion"],
            errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("请回答申报条件自查：第五条（二）", errors.GetProperty("eligibility[1].met")[0].GetString());
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.Draft, stored.Stage);
        Assert.Null(stored.ReceiptNumber);
    }

    [Fact]
    public async Task An_organisation_younger_than_three_years_is_told_why_it_cannot_submit()
    {
        var org = await build.Organization(o => o.EstablishedOn = new DateOnly(2024, 1, 1));
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("In operation for 2 years, fewer than 3", (await response.Json()).GetProperty("errors").GetProperty("eligibility[0].met")[0].GetString());
        Assert.Equal(Stage.Draft, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task An_organisation_registered_outside_Shanghai_fails_the_computed_condition()
    {
        var org = await build.Organization(o => o.CreditCode = Build.CreditCodeFor(Random.Shared.Next(1, 9_000_000), "350100"));
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("统一社会信用代码的行政区划代码为 350100，不是上海市注册的组织",
            (await response.Json()).GetProperty("errors").GetProperty("eligibility[0].met")[0].GetString());
        Assert.Equal(Stage.Draft, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task The_direct_path_is_refused_to_a_state_owned_organisation_that_is_not_a_specialised_SME()
    {
        var org = await build.Organization(o => { o.MarketEntityType = MarketEntityType.StateOwned; o.IsSpecialisedSme = false; });
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        var response = await Put(client, a.Id, "\"0\"", Form(null, direct: true));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Only foreign, private and specialised SME organisations may apply directly; choose a recommender",
            (await response.Json()).GetProperty("errors").GetProperty("direct")[0].GetString());
        var stored = (await build.Reload(a.Id))!;
        Assert.False(stored.IsDirect);
        Assert.Equal(unit.Id, stored.RecommenderUnitId);
        Assert.Equal(0, stored.Version);

        var page = await app.SignedIn(await build.Applicant(org));
        var html = await page.Html($"/Organization/Applications/{a.Id}");
        Assert.DoesNotContain("id=\"path-direct\"", html);
    }

    [Fact]
    public async Task A_private_organisation_applies_directly_and_goes_straight_to_screening()
    {
        var org = await build.Organization(o => o.MarketEntityType = MarketEntityType.Private);
        var a = await build.Application(org);
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Screening", (await response.Json()).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Returned_by_the_recommender_the_draft_is_editable_again_then_resubmitted_and_recommended()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var applicant = await app.ApiClient(await build.Applicant(org));
        var recommender = await app.ApiClient(await build.RecommenderUser(unit), "en");

        var submitted = await applicant.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = (await submitted.Json()).GetProperty("receiptNumber").GetString();
        Assert.Matches(@"^2026-OM-\d{4}$", receipt);
        Assert.Equal(HttpStatusCode.Conflict, (await Put(applicant, a.Id, "\"1\"", Form(unit.Id, title: "改不了"))).StatusCode);

        var noReason = await recommender.PostAsJsonAsync($"/api/v1/applications/{a.Id}/recommendation", new { decision = "Return", opinion = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why you return it", (await noReason.Json()).GetProperty("errors").GetProperty("opinion")[0].GetString());
        Assert.Equal(Stage.AwaitingRecommendation, (await build.Reload(a.Id))!.Stage);

        var returned = await recommender.PostAsJsonAsync($"/api/v1/applications/{a.Id}/recommendation", new { decision = "Return", opinion = "请补充量化成效" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("Draft", (await returned.Json()).GetProperty("stage").GetString());

        var (_, etag) = await Read(applicant, a.Id);
        Assert.Equal(HttpStatusCode.OK, (await Put(applicant, a.Id, etag, Form(unit.Id, content: "补充了量化成效。"))).StatusCode);
        var resubmitted = await applicant.PostAsync($"/api/v1/applications/{a.Id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(receipt, (await resubmitted.Json()).GetProperty("receiptNumber").GetString());

        var recommended = await recommender.PostAsJsonAsync($"/api/v1/applications/{a.Id}/recommendation", new { decision = "Recommend", opinion = "同意推荐" });
        Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.Screening, stored.Stage);
        Assert.Equal("补充了量化成效。", stored.Content);
        Assert.Equal("同意推荐", stored.RecommenderOpinion);
        Assert.Equal(RecommendationDecision.Recommend, stored.RecommenderDecision);
        var moves = await app.WithDb<List<(Move, Stage, Stage, string?)>>(async (db, _) =>
            (await db.StageChanges.Where(c => c.ApplicationId == a.Id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync())
                .Select(c => (c.Move, c.From, c.To, c.Reason)).ToList());
        Assert.Equal([
            (Move.SubmitForRecommendation, Stage.Draft, Stage.AwaitingRecommendation, null),
            (Move.Return, Stage.AwaitingRecommendation, Stage.Draft, "请补充量化成效"),
            (Move.SubmitForRecommendation, Stage.Draft, Stage.AwaitingRecommendation, null),
            (Move.Recommend, Stage.AwaitingRecommendation, Stage.Screening, "同意推荐"),
        ], moves);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Application.Returned" && e.RecordId == a.Id.ToString())));
    }

    [Fact]
    public async Task Another_organisations_application_answers_404_on_the_api_and_the_page_and_stays_unchanged()
    {
        var owner = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(owner, unit);
        var stranger = await build.Applicant(await build.Organization());
        var api = await app.ApiClient(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/applications/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(api, a.Id, "\"0\"", Form(unit.Id, title: "篡改"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/applications/{a.Id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/applications/{a.Id}/withdraw", new { reason = "x" })).StatusCode);
        var list = await (await api.GetAsync("/api/v1/applications")).Json();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var page = await app.SignedIn(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Organization/Applications/{a.Id}")).StatusCode);
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal("全面质量管理创新实践", stored.Title);
        Assert.Equal(Stage.Draft, stored.Stage);
    }

    [Fact]
    public async Task A_recommender_sees_only_submitted_applications_that_name_it()
    {
        var unit = await build.Recommender();
        var other = await build.Recommender();
        var org = await build.Organization();
        var mine = await build.Application(org, unit);
        var theirs = await build.Application(org, other);
        var draft = await build.Application(org, unit);
        var applicant = await app.ApiClient(await build.Applicant(org));
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{mine.Id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{theirs.Id}/submit", null)).StatusCode);

        var recommenderUser = await build.RecommenderUser(unit);
        var recommender = await app.ApiClient(recommenderUser);
        var list = await (await recommender.GetAsync("/api/v1/applications")).Json();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(mine.Id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await recommender.GetAsync($"/api/v1/applications/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/api/v1/applications/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/api/v1/applications/{draft.Id}")).StatusCode);
        var refused = await recommender.PostAsJsonAsync($"/api/v1/applications/{theirs.Id}/recommendation", new { decision = "Recommend", opinion = "同意" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(Stage.AwaitingRecommendation, (await build.Reload(theirs.Id))!.Stage);

        var pages = await app.SignedIn(recommenderUser);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Recommender/Applications/{theirs.Id}")).StatusCode);
        Assert.Contains(mine.Title, await pages.Html($"/Recommender/Applications/{mine.Id}"));
    }

    [Fact]
    public async Task Receipt_numbers_stay_unique_when_many_applications_are_submitted_at_once()
    {
        var unit = await build.Recommender();
        var org = await build.Organization();
        var client = await app.ApiClient(await build.Applicant(org));
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++) ids.Add((await build.Application(org, unit, category: Category.SinglePractice)).Id);

        var responses = await Task.WhenAll(ids.Select(id => client.PostAsync($"/api/v1/applications/{id}/submit", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = await app.WithDb<List<string>>(async (db, _) =>
            await db.Applications.Where(a => ids.Contains(a.Id)).Select(a => a.ReceiptNumber!).ToListAsync());
        Assert.Equal(8, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^2026-SP-\d{4}$", n));
    }

    [Fact]
    public async Task The_resident_id_is_never_stored_or_shown_in_plaintext()
    {
        const string id = "11010519491231002X";
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit, complete: false, category: Category.IndividualExperience);
        var applicant = await build.Applicant(org);
        var client = await app.ApiClient(applicant);
        var response = await Put(client, a.Id, "\"0\"", new { nominee = new { name = "王芳", residentId = "11010519491231002x", gender = "Female", yearsOfWork = 20, yearsInCurrentPost = 5 }, report = new { title = "经验" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("110***********002X", (await response.Json()).GetProperty("nominee").GetProperty("residentId").GetString());

        // Saving again with the masked value keeps the stored number.
        var again = await Put(client, a.Id, "\"1\"", new { nominee = new { name = "王芳", residentId = "110***********002X", gender = "Female", yearsOfWork = 20, yearsInCurrentPost = 5 }, report = new { title = "经验" } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var found = await app.WithDb<bool>(async (db, _) =>
        {
            var nominee = await db.Nominees.AsNoTracking().FirstAsync(n => n.ApplicationId == a.Id);
            Assert.Equal("110***********002X", nominee.ResidentIdMasked);
            Assert.NotEqual("", nominee.ResidentIdCipher);
            var audit = await db.AuditEvents.AsNoTracking().Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync();
            return nominee.ResidentIdCipher.Contains(id) || audit.Any(t => t.Contains(id) || t.Contains("11010519491231002"));
        });
        Assert.False(found);
        var html = await (await app.SignedIn(applicant)).Html($"/Organization/Applications/{a.Id}");
        Assert.DoesNotContain("11010519491231002", html);
        Assert.Contains("110***********002X", html);
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_is_recorded()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await build.Application(org, unit);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null)).StatusCode);
        var noReason = await client.PostAsJsonAsync($"/api/v1/applications/{a.Id}/withdraw", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(Stage.AwaitingRecommendation, (await build.Reload(a.Id))!.Stage);
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/applications/{a.Id}/withdraw", new { reason = "成果需进一步完善" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(Stage.Withdrawn, (await build.Reload(a.Id))!.Stage);
        var again = await client.PostAsJsonAsync($"/api/v1/applications/{a.Id}/withdraw", new { reason = "再次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Application.CannotWithdraw", (await again.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_secretariat_filters_the_list_and_exports_it_to_Excel()
    {
        var unit = await build.Recommender();
        var pudong = await build.Organization(o => { o.Name = "浦东筛选测试有限公司"; o.District = "310115"; });
        var xuhui = await build.Organization(o => { o.Name = "徐汇筛选测试有限公司"; o.District = "310104"; });
        var a = await build.Application(pudong, unit, customise: x => x.Title = "筛选用成果甲");
        await build.Application(xuhui, unit, customise: x => x.Title = "筛选用成果乙");
        var staff = await app.ApiClient(await build.Secretariat());
        var list = await (await staff.GetAsync("/api/v1/applications?district=310115&q=筛选用")).Json();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(a.Id, list.GetProperty("items")[0].GetProperty("id").GetGuid());

        var pages = await app.SignedIn(await build.Secretariat());
        var export = await pages.GetAsync("/Secretariat/Applications?handler=Export&Q=筛选用&Sort=title");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var rows = Sheet(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal("成果标题", rows[0][3]);
        Assert.Equal("筛选用成果乙", rows[1][3]);
        Assert.Equal("筛选用成果甲", rows[2][3]);
        Assert.Equal("浦东新区", rows[2][5]);
        var html = await pages.Html("/Secretariat/Applications?Q=筛选用成果甲");
        Assert.Contains($"/Secretariat/Applications/{a.Id}", html);
        Assert.Contains("共 1 项", html);
    }

    /// <summary>The rows of the first sheet as text (the export writes inline strings).</summary>
    internal static List<List<string>> Sheet(byte[] xlsx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
    }
}
