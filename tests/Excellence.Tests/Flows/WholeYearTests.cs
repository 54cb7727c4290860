using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Flows;

/// <summary>
/// One whole year through HTTP (issue 5): three applications, one per category, go from draft to published result and
/// certificate, with the clock moved through the year. Accounts come from builders; every step of the process is a request.
/// </summary>
public class WholeYearTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Year = 2026;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    private readonly Build build = new(app);

    private HttpClient secretariat = null!, applicant = null!, recommender = null!;
    private Organization org = null!;
    private TestUser applicantUser = null!;
    private readonly List<(TestUser User, Guid ExpertId)> experts = [];
    private List<TestUser> approvers = [];
    private Guid om, sp, ie;

    private static DateTimeOffset Shanghai(int month, int day, int hour = 10) => new(Year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_whole_year_runs_from_three_drafts_to_published_results_certificates_and_an_intact_audit_chain()
    {
        await Accounts();
        await ApplyInAllThreeCategories();
        await SubmitAndRecommendBeforeTheDeadline();
        await ScreenWithOneSupplementAndPassAll();
        await CreateExpertsAGroupAndAssignAutomatically();
        await ExpertsScoreWithOneDivergentSheet();
        await TheLeaderRecordsTheConsensus();
        await FinalizeTheRankings();
        await ThePanelSendsTheCandidateToASiteVisitThatConfirms();
        await TheApprovalMeetingApproves();
        var noticeId = await TheNoticeIsPublishedAndOpens();
        await AMemberOfThePublicObjectsAndTheSecretariatDismisses(noticeId);
        await ResultsArePublishedAfterTheNoticeEnds();
        await TheApplicantReadsItsResultAndDownloadsTheCertificate();
        await TheAuditChainVerifies();
    }

    private async Task Accounts()
    {
        app.Clock.Set(Shanghai(6, 18));
        await build.OpenRound(Year);
        org = await build.Organization(o => o.MarketEntityType = MarketEntityType.Private);
        var unit = await build.Recommender();
        applicantUser = await build.Applicant(org);
        recommenderUser = await build.RecommenderUser(unit);
        secretariatUser = await build.Secretariat();
        recommenderId = unit.Id;
        await At(6, 18);
    }

    private TestUser recommenderUser = null!, secretariatUser = null!;

    /// <summary>Moves the clock to that day in Shanghai; tokens are short-lived, so the staff and the applicant sign in again.</summary>
    private async Task At(int month, int day, int hour = 10)
    {
        app.Clock.Set(Shanghai(month, day, hour));
        applicant = await app.ApiClient(applicantUser);
        recommender = await app.ApiClient(recommenderUser);
        secretariat = await app.ApiClient(secretariatUser);
    }

    private Guid recommenderId;

    private static object Report(string title) => new { title, overview = "组织概述。", content = "成果内容。", effectiveness = "管理成效。" };

    private static IEnumerable<object> Declared(params string[] conditions) => conditions.Select(c => new { condition = c, met = (bool?)true });

    private async Task<Guid> Draft(string category, object form)
    {
        var created = await applicant.PostAsJsonAsync("/api/v1/applications", new { year = Year, category });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}") { Content = JsonContent.Create(form) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var saved = await applicant.SendAsync(put);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{category}: {await saved.Content.ReadAsStringAsync()}");
        var evidence = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        evidence.Add(file, "file", "证明材料.pdf");
        var uploaded = await applicant.PostAsync($"/api/v1/applications/{id}/evidence", evidence);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, $"evidence: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        return id;
    }

    private async Task ApplyInAllThreeCategories()
    {
        var article5 = Declared("Article5.2", "Article5.3", "Article5.4", "Article5.5", "Article5.6");
        var activities = new[] { new { name = "QC小组活动", result = "优秀" } };
        om = await Draft("OrganizationModel", new
        {
            qualityActivities = activities, report = Report("数字化驱动的卓越质量管理模式"), eligibility = article5,
            recommenderId, ownUnitOpinion = "同意推荐。",
        });
        sp = await Draft("SinglePractice", new
        {
            qualityActivities = activities, report = Report("精益现场改善实践"), eligibility = article5, direct = true, ownUnitOpinion = "同意申报。",
        });
        ie = await Draft("IndividualExperience", new
        {
            nominee = new
            {
                name = "王芳", residentId = "11010519491231002X", gender = "Female", politicalStatus = "CpcMember", titleOrSkill = "高级工程师",
                education = "硕士研究生", department = "质量部", position = "部长", yearsOfWork = 20, yearsInCurrentPost = 5,
                phone = "13912345678", email = "wangfang@example.cn", workHistory = "2006年起从事质量管理工作。",
            },
            report = Report("二十年质量管理经验"), eligibility = Declared("Article6.1", "Article6.3", "Article6.4"),
            recommenderId, ownUnitOpinion = "同意推荐。",
        });
    }

    private async Task SubmitAndRecommendBeforeTheDeadline()
    {
        await At(8, 20);
        var receipts = new Dictionary<Guid, string>();
        foreach (var id in new[] { om, sp, ie })
        {
            var submitted = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            var body = await submitted.Json();
            Assert.Equal(id == sp ? "Screening" : "AwaitingRecommendation", body.GetProperty("stage").GetString());
            receipts[id] = body.GetProperty("receiptNumber").GetString()!;
        }
        Assert.Matches(@"^2026-OM-\d{4}$", receipts[om]);
        Assert.Matches(@"^2026-SP-\d{4}$", receipts[sp]);
        Assert.Matches(@"^2026-IE-\d{4}$", receipts[ie]);
        foreach (var (id, receipt) in receipts) Assert.Equal(receipt, (await build.Reload(id))!.ReceiptNumber);
        foreach (var id in new[] { om, ie })
        {
            var recommended = await recommender.PostAsJsonAsync($"/api/v1/applications/{id}/recommendation", new { decision = "Recommend", opinion = "同意推荐" });
            Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        }
        await StagesAre(Stage.Screening, om, sp, ie);
    }

    private async Task ScreenWithOneSupplementAndPassAll()
    {
        await At(8, 26);
        var asked = await secretariat.PostAsJsonAsync($"/api/v1/applications/{ie}/screening", new
        {
            decision = "RequestSupplement", reason = "请补充材料", dueDate = "2026-09-02", items = new[] { "近两年质量提升活动的证明材料" },
            checklist = Build.AllMet(Category.IndividualExperience),
        });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var requestId = (await asked.Json()).GetProperty("supplementRequestId").GetGuid();
        await StagesAre(Stage.AwaitingSupplement, ie);
        var itemId = await app.WithDb((db, _) => db.SupplementRequests.Where(r => r.Id == requestId).SelectMany(r => r.Items).Select(i => i.Id).SingleAsync());

        await At(8, 28);
        var form = new MultipartFormDataContent { { new StringContent("已补充质量提升活动证明。"), $"items[{itemId}].text" } };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, $"items[{itemId}].files", "补充材料.pdf");
        var answered = await applicant.PostAsync($"/api/v1/applications/{ie}/supplements/{requestId}", form);
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        await StagesAre(Stage.Screening, ie);

        await At(8, 29);
        foreach (var (id, category) in new[] { (om, Category.OrganizationModel), (sp, Category.SinglePractice), (ie, Category.IndividualExperience) })
        {
            var passed = await secretariat.PostAsJsonAsync($"/api/v1/applications/{id}/screening", new { decision = "Pass", checklist = Build.AllMet(category) });
            Assert.True(passed.StatusCode == HttpStatusCode.OK, await passed.Content.ReadAsStringAsync());
        }
        await StagesAre(Stage.PreliminaryReview, om, sp, ie);
    }

    private async Task CreateExpertsAGroupAndAssignAutomatically()
    {
        await At(9, 1);
        string[] names = ["陈评审", "林评审", "周评审"];
        for (var i = 0; i < names.Length; i++)
        {
            var user = await build.Expert();
            var created = await secretariat.PostAsJsonAsync("/api/v1/experts", new
            {
                name = names[i], email = user.Email, organizationName = $"上海评审单位{i}研究院", title = "教授", phone = "13800000000",
                categories = new[] { "OrganizationModel", "SinglePractice", "IndividualExperience" }, industries = new[] { "Manufacturing" },
                isActive = true, createAccount = true,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var body = await created.Json();
            Assert.Equal(user.Id, body.GetProperty("userId").GetGuid());
            experts.Add((user, body.GetProperty("id").GetGuid()));
        }
        var ids = experts.Select(e => e.ExpertId).ToArray();
        foreach (var category in new[] { "OrganizationModel", "SinglePractice", "IndividualExperience" })
        {
            var group = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/review-groups",
                new { category, name = category + " 第一组", leaderExpertId = ids[0], memberIds = ids });
            Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        }
        var auto = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/assignments/auto", new { seed = 2026 });
        Assert.True(auto.StatusCode == HttpStatusCode.OK, await auto.Content.ReadAsStringAsync());
        Assert.Equal(3, (await auto.Json()).GetProperty("applications").GetInt32());
        foreach (var id in new[] { om, sp, ie }) Assert.Equal(3, (await build.AssignmentsOf(id)).Count);
    }

    private async Task ExpertsScoreWithOneDivergentSheet()
    {
        await At(9, 15);
        var codes = new Dictionary<Guid, List<string>>();
        foreach (var (id, category) in new[] { (om, "OrganizationModel"), (sp, "SinglePractice"), (ie, "IndividualExperience") })
        {
            var rubric = await (await secretariat.GetAsync($"/api/v1/rounds/{Year}/rubrics/{category}")).Json();
            codes[id] = rubric.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        }
        for (var e = 0; e < experts.Count; e++)
        {
            var client = await app.ApiClient(experts[e].User);
            foreach (var id in new[] { om, sp, ie })
            {
                // The third expert finds the single practice far weaker than the others do: the sheets diverge.
                var band = id == om ? 90 : id == sp ? (e == 2 ? 50 : 80) : 70;
                var assignment = (await build.AssignmentsOf(id)).Single(a => a.ExpertId == experts[e].ExpertId).Id;
                var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assignments/{assignment}/review")
                {
                    Content = JsonContent.Create(new
                    {
                        scores = codes[id].Select(c => new { code = c, bandPercent = band, comment = $"{c} 评语" }),
                        strengths = "体系完整，数据翔实。", opportunities = "结果对比可更充分。",
                    }),
                };
                put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
                var saved = await client.SendAsync(put);
                Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
                var submitted = await client.PostAsync($"/api/v1/assignments/{assignment}/review/submit", null);
                Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            }
        }
    }

    private async Task TheLeaderRecordsTheConsensus()
    {
        await At(9, 20);
        var leader = await app.ApiClient(experts[0].User);
        var consensus = await leader.PostAsJsonAsync($"/api/v1/applications/{sp}/consensus", new { score = 76.0m, reason = "组内合议：现场数据经核实，取多数意见" });
        Assert.True(consensus.StatusCode == HttpStatusCode.OK, await consensus.Content.ReadAsStringAsync());
        Assert.Equal(76.0m, await app.WithDb((db, _) => db.Consensus.Where(c => c.ApplicationId == sp).Select(c => c.Score).SingleAsync()));
    }

    private async Task FinalizeTheRankings()
    {
        await At(9, 25);
        foreach (var category in new[] { "OrganizationModel", "SinglePractice", "IndividualExperience" })
        {
            var finalized = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/rankings/finalize", new { category });
            Assert.True(finalized.StatusCode == HttpStatusCode.OK, await finalized.Content.ReadAsStringAsync());
            Assert.Equal(1, (await finalized.Json()).GetProperty("finalized").GetInt32());
        }
        var a = (await build.Reload(om))!;
        Assert.Equal((Stage.PanelReview, 90.0m, Level.Excellent, true), (a.Stage, a.PreliminaryScore, a.ProposedLevel, a.IsBenchmarkCandidate));
        var s = (await build.Reload(sp))!;
        Assert.Equal((Stage.Proposed, 76.0m, Level.Excellent, false), (s.Stage, s.PreliminaryScore, s.ProposedLevel, s.IsBenchmarkCandidate));
        var i = (await build.Reload(ie))!;
        Assert.Equal((Stage.Proposed, 70.0m, Level.Advancing), (i.Stage, i.PreliminaryScore, i.ProposedLevel));
    }

    private async Task ThePanelSendsTheCandidateToASiteVisitThatConfirms()
    {
        await At(10, 10);
        var created = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/panel-meetings", new
        {
            title = "2026年度标杆级成果专家会审会", startsAt = "2026-10-10T09:00:00", place = "上海市质量协会302会议室",
            memberIds = experts.Select(e => e.ExpertId), chairId = experts[0].ExpertId,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = (await created.Json()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{meeting}/items", new { candidates = true })).StatusCode);
        var chair = await app.ApiClient(experts[0].User);
        var concluded = await chair.PostAsJsonAsync($"/api/v1/panel-meetings/{meeting}/items/{om}/conclusion",
            new { level = "Benchmark", reasons = "方法系统，示范性强，需现场核实成效数据", decision = "SiteVerification" });
        Assert.True(concluded.StatusCode == HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        await StagesAre(Stage.SiteVerification, om);

        await At(10, 20);
        var visit = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/site-visits",
            new { applicationId = om, date = "2026-10-20", memberIds = new[] { experts[1].ExpertId } });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var visitId = (await visit.Json()).GetProperty("id").GetGuid();
        var member = await app.ApiClient(experts[1].User);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/v1/site-visits/{visitId}/log", new { time = "09:30", subject = "质量部经理", note = "核对了质量损失台账" })).StatusCode);
        var confirmed = await secretariat.PostAsJsonAsync($"/api/v1/site-visits/{visitId}/conclusion", new { outcome = "Confirmed" });
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var a = (await build.Reload(om))!;
        Assert.Equal((Stage.Proposed, Level.Benchmark), (a.Stage, a.ProposedLevel));
    }

    private async Task TheApprovalMeetingApproves()
    {
        await At(11, 20, 14);
        approvers = await build.Approvers(3);
        var created = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/approval-meetings", new
        {
            title = "2026年度审定会议", heldAt = "2026-11-20T14:00:00+08:00", place = "协会会议室", invited = approvers.Select(u => u.Id),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.Json();
        var id = meeting.GetProperty("id").GetGuid();
        Assert.Equal(3, meeting.GetProperty("items").GetArrayLength());
        var attendance = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/approval-meetings/{id}/attendance")
        {
            Content = JsonContent.Create(new { present = approvers.Select(u => u.Id) }),
        };
        attendance.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.SendAsync(attendance)).StatusCode);
        foreach (var approver in approvers)
        {
            var votes = new[] { om, sp, ie }.Select(a => new { applicationId = a, choice = "Approve", level = (string?)null, reason = (string?)null });
            var voted = await (await app.ApiClient(approver)).PostAsJsonAsync($"/api/v1/approval-meetings/{id}/votes", new { votes });
            Assert.True(voted.StatusCode == HttpStatusCode.OK, await voted.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/approval-meetings/{id}/close", null)).StatusCode);
        var levels = new List<(Stage, Level?)>();
        foreach (var a in new[] { om, sp, ie }) levels.Add(((await build.Reload(a))!.Stage, (await build.Reload(a))!.ApprovedLevel));
        Assert.Equal([(Stage.Approved, Level.Benchmark), (Stage.Approved, Level.Excellent), (Stage.Approved, Level.Advancing)], levels);
    }

    private async Task<Guid> TheNoticeIsPublishedAndOpens()
    {
        await At(11, 24);
        var published = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{Year}/notices", new { startDate = "2026-11-25", contact = "021-62571234" });
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var notice = await published.Json();
        Assert.Equal("Scheduled", notice.GetProperty("status").GetString());
        Assert.Equal("2026-12-01", notice.GetProperty("lastDay").GetString());
        await StagesAre(Stage.PublicNotice, om, sp, ie);

        await At(11, 25, 9);
        var id = notice.GetProperty("id").GetGuid();
        var open = await (await app.NewClient().GetAsync($"/api/v1/notices/{id}")).Json();
        Assert.Equal("Open", open.GetProperty("notice").GetProperty("status").GetString());
        Assert.Equal(3, open.GetProperty("notice").GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, open.GetProperty("formToken").ValueKind);
        return id;
    }

    private async Task AMemberOfThePublicObjectsAndTheSecretariatDismisses(Guid noticeId)
    {
        await At(11, 26);
        var filed = await Objections.File(app, app.NewClient(), noticeId, new(sp, Email: "public.objector@test.local"));
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var objection = await app.WithDb((db, _) => db.Objections.AsNoTracking().SingleAsync(o => o.ApplicationId == sp));
        Assert.Equal((ObjectionStatus.Received, ObjectorIdentity.Mobile), (objection.Status, objection.IdentityKind));
        Assert.NotEqual("赵实名", objection.NameCipher);

        await At(11, 27);
        var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/objections/{objection.Id}/decision")
        {
            Content = JsonContent.Create(new { verdict = "Dismissed", findings = "经核实，经营数据与审计报告一致。", explanation = "所述情况与事实不符。" }),
        };
        decide.Headers.IfMatch.ParseAdd("\"0\"");
        var decided = await secretariat.SendAsync(decide);
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        Assert.Contains("异议不成立", Build.LastMailTo(app, "public.objector@test.local").TextBody);
        await StagesAre(Stage.PublicNotice, sp);
    }

    private async Task ResultsArePublishedAfterTheNoticeEnds()
    {
        await At(12, 3);
        var published = await secretariat.PostAsync($"/api/v1/rounds/{Year}/publication", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        await StagesAre(Stage.Published, om, sp, ie);
        var certificates = await app.WithDb((db, _) => db.Certificates.AsNoTracking().Where(c => c.Year == Year).ToListAsync());
        Assert.Equal(3, certificates.Count);
        Assert.Equal(new[] { om, sp, ie }.Order(), certificates.Select(c => c.ApplicationId).Order());
        var results = await (await app.NewClient().GetAsync($"/api/v1/results?year={Year}")).Json();
        Assert.Equal(3, results.GetProperty("total").GetInt32());
    }

    private async Task TheApplicantReadsItsResultAndDownloadsTheCertificate()
    {
        var result = await applicant.GetAsync($"/api/v1/applications/{om}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var json = await result.Json();
        Assert.Equal("Benchmark", json.GetProperty("level").GetString());
        Assert.Equal(3, json.GetProperty("feedback").GetArrayLength());
        var text = json.GetRawText();
        foreach (var name in new[] { "陈评审", "林评审", "周评审", "expertId" }) Assert.DoesNotContain(name, text);

        var certificate = await app.WithDb((db, _) => db.Certificates.AsNoTracking().SingleAsync(c => c.ApplicationId == om));
        var pdf = await applicant.GetAsync($"/api/v1/certificates/{certificate.Number}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var verified = await app.NewClient().GetAsync($"/api/v1/certificates/verify/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var v = await verified.Json();
        Assert.Equal(("Genuine", certificate.Number, "Benchmark", org.Name),
            (v.GetProperty("status").GetString(), v.GetProperty("number").GetString(), v.GetProperty("level").GetString(), v.GetProperty("holder").GetString()));
    }

    private async Task TheAuditChainVerifies()
    {
        // The benchmark application walked every stage of the process, each move recorded once, in order.
        var moves = await app.WithDb((db, _) => db.StageChanges.AsNoTracking().Where(c => c.ApplicationId == om).ToListAsync());
        Assert.Equal([Stage.AwaitingRecommendation, Stage.Screening, Stage.PreliminaryReview, Stage.PanelReview, Stage.SiteVerification,
            Stage.Proposed, Stage.Approved, Stage.PublicNotice, Stage.Published], moves.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.To));
        var supplemented = await app.WithDb((db, _) => db.StageChanges.AsNoTracking().Where(c => c.ApplicationId == ie).ToListAsync());
        Assert.Equal([Stage.AwaitingRecommendation, Stage.Screening, Stage.AwaitingSupplement, Stage.Screening, Stage.PreliminaryReview, Stage.Proposed,
            Stage.Approved, Stage.PublicNotice, Stage.Published], supplemented.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.To));

        var report = await (await secretariat.GetAsync("/api/v1/audit/verification")).Json();
        Assert.True(report.GetProperty("intact").GetBoolean(), report.GetRawText());
        Assert.True(report.GetProperty("entries").GetInt32() > 50, report.GetRawText());
    }

    private async Task StagesAre(Stage expected, params Guid[] ids)
    {
        foreach (var id in ids) Assert.Equal((id, expected), (id, (await build.Reload(id))!.Stage));
    }
}
