using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>Panel meetings (专家会审) and site visits (现场验证) through /api/v1 and the members' pages.</summary>
public class PanelApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private sealed record Setup(HttpClient Secretariat, Guid MeetingId, (TestUser User, Web.Domain.Reviews.Expert Expert) Chair,
        (TestUser User, Web.Domain.Reviews.Expert Expert) Member, (TestUser User, Web.Domain.Reviews.Expert Expert) Conflicted,
        Web.Domain.Applications.Application First, Web.Domain.Applications.Application Second);

    /// <summary>A meeting of three members; the second candidate's organisation employs the third member.</summary>
    private async Task<Setup> MeetingWithCandidates()
    {
        await build.OpenRound();
        var org = await build.Organization(o => o.Name = $"上海精工质量{Guid.NewGuid().ToString("N")[..4]}有限公司");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await build.InPanelReview("智能制造全流程质量管控模式" + tag);
        var second = await build.InPanelReview("精益六西格玛驱动的卓越运营实践" + tag, org);
        var chair = await build.PoolExpert("张主任");
        var member = await build.PoolExpert("李教授");
        var conflicted = await build.PoolExpert("王工", organizationName: org.Name);
        var secretariat = await app.ApiClient(await build.Secretariat());
        var created = await secretariat.PostAsJsonAsync("/api/v1/rounds/2026/panel-meetings", new
        {
            title = "2026年度标杆级成果专家会审会",
            startsAt = "2026-07-10T09:00:00",
            place = "上海市质量协会302会议室",
            memberIds = new[] { chair.Expert.Id, member.Expert.Id, conflicted.Expert.Id },
            chairId = chair.Expert.Id,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var added = await secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{id}/items", new { candidates = true });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return new Setup(secretariat, id, chair, member, conflicted, first, second);
    }

    [Fact]
    public async Task The_secretariat_creates_a_meeting_and_one_click_adds_the_years_benchmark_candidates()
    {
        var notCandidate = await build.InPanelReview("非候选成果", candidate: false);
        var s = await MeetingWithCandidates();
        var read = await s.Secretariat.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var body = await read.Json();
        Assert.Equal("2026年度标杆级成果专家会审会", body.GetProperty("title").GetString());
        Assert.Equal("张主任", body.GetProperty("chair").GetProperty("name").GetString());
        Assert.Equal(3, body.GetProperty("members").GetArrayLength());
        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetGuid()).ToList();
        Assert.Contains(s.First.Id, ids);
        Assert.Contains(s.Second.Id, ids);
        Assert.DoesNotContain(notCandidate.Id, ids);
        Assert.Equal(new DateTime(2026, 7, 10, 1, 0, 0, DateTimeKind.Utc), await app.WithDb<DateTime>(async (db, _) =>
            (await db.PanelMeetings.SingleAsync(m => m.Id == s.MeetingId)).StartsAt));
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Panel.MeetingCreated" && e.RecordId == s.MeetingId.ToString())));

        // Adding again adds nothing twice.
        var again = await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items", new { candidates = true });
        Assert.Equal(0, (await again.Json()).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task A_conflicted_member_is_recused_automatically_gets_404_for_the_item_and_never_sees_its_title()
    {
        var s = await MeetingWithCandidates();
        var recusal = await app.WithDb<PanelRecusal?>(async (db, _) => await db.PanelRecusals.SingleOrDefaultAsync(r => r.ExpertId == s.Conflicted.Expert.Id));
        Assert.NotNull(recusal);
        Assert.True(recusal.Automatic);
        Assert.Equal("SameOrganization", recusal.Reason);

        var conflicted = await app.ApiClient(s.Conflicted.User);
        Assert.Equal(HttpStatusCode.NotFound, (await conflicted.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.Second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await conflicted.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}")).StatusCode);
        var meeting = await conflicted.GetStringAsync($"/api/v1/panel-meetings/{s.MeetingId}");
        Assert.DoesNotContain(s.Second.Title, meeting);
        Assert.DoesNotContain(s.Second.Id.ToString(), meeting);
        Assert.Contains(s.First.Title, meeting);
        static int Items(JsonElement list, Guid id) => list.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == id).GetProperty("items").GetInt32();
        var seen = Items(await (await conflicted.GetAsync("/api/v1/rounds/2026/panel-meetings")).Json(), s.MeetingId);
        var all = Items(await (await s.Secretariat.GetAsync("/api/v1/rounds/2026/panel-meetings")).Json(), s.MeetingId);
        Assert.Equal(all - 1, seen);

        // Voting on it is as unknown as reading it; nothing is written.
        var vote = await conflicted.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.Second.Id}/votes", new { score = 90, level = "Benchmark" });
        Assert.Equal(HttpStatusCode.NotFound, vote.StatusCode);
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.PanelVotes.CountAsync(v => v.ExpertId == s.Conflicted.Expert.Id)));

        // The member's page and minutes leave it out too; another member's page shows it.
        var page = await (await app.SignedIn(s.Conflicted.User)).Html($"/Expert/Panels/{s.MeetingId}");
        Assert.DoesNotContain(s.Second.Title, page);
        Assert.Contains(s.First.Title, page);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(s.Conflicted.User)).GetAsync($"/Expert/Panels/{s.MeetingId}?item={s.Second.Id}")).StatusCode);
        var other = await (await app.SignedIn(s.Member.User)).Html($"/Expert/Panels/{s.MeetingId}");
        Assert.Contains(s.Second.Title, other);
        var minutes = MinutesText(await conflicted.GetByteArrayAsync($"/api/v1/panel-meetings/{s.MeetingId}/minutes.docx"));
        Assert.DoesNotContain(s.Second.Title, minutes);
    }

    [Fact]
    public async Task The_secretariat_can_recuse_a_member_in_the_meeting_with_a_reason_which_removes_its_vote()
    {
        var s = await MeetingWithCandidates();
        var member = await app.ApiClient(s.Member.User);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/votes", new { score = 85 })).StatusCode);
        var noReason = await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/recusals", new { expertId = s.Member.Expert.Id, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var recused = await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/recusals",
            new { expertId = s.Member.Expert.Id, reason = "会上声明曾为该单位提供咨询" });
        Assert.Equal(HttpStatusCode.NoContent, recused.StatusCode);
        var row = await app.WithDb<PanelRecusal>(async (db, _) => await db.PanelRecusals.SingleAsync(r => r.ExpertId == s.Member.Expert.Id));
        Assert.False(row.Automatic);
        Assert.Equal("会上声明曾为该单位提供咨询", row.Reason);
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.PanelVotes.CountAsync(v => v.ExpertId == s.Member.Expert.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}")).StatusCode);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Panel.MemberRecused" && e.RecordId == row.Id.ToString())));
    }

    [Fact]
    public async Task Members_vote_with_a_score_and_level_and_the_item_shows_the_summary()
    {
        var s = await MeetingWithCandidates();
        var chair = await app.ApiClient(s.Chair.User);
        var member = await app.ApiClient(s.Member.User);
        var url = $"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/votes";

        var bad = await member.PostAsJsonAsync(url, new { score = 100.5m });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Json()).GetProperty("errors").TryGetProperty("score", out _));
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.PanelVotes.CountAsync(v => v.ExpertId == s.Member.Expert.Id)));

        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsJsonAsync(url, new { score = 88.5m, level = "Benchmark" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync(url, new { score = 80m, level = "Excellent" })).StatusCode);
        var again = await member.PostAsJsonAsync(url, new { score = 90m, level = "Benchmark" });
        var summary = await again.Json();
        Assert.Equal(2, summary.GetProperty("votes").GetInt32());
        Assert.Equal(89.3m, summary.GetProperty("meanScore").GetDecimal());
        Assert.Equal("Benchmark", summary.GetProperty("majority").GetString());
        Assert.Equal(2, await app.WithDb<int>(async (db, _) => await db.PanelVotes.CountAsync(v => v.ExpertId == s.Member.Expert.Id || v.ExpertId == s.Chair.Expert.Id)));

        // The secretariat does not vote.
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Secretariat.PostAsJsonAsync(url, new { score = 70m })).StatusCode);
    }

    [Fact]
    public async Task The_conclusion_proposes_the_level_moves_the_stage_and_is_audited()
    {
        var s = await MeetingWithCandidates();
        var member = await app.ApiClient(s.Member.User);
        var url = $"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/conclusion";
        var byMember = await member.PostAsJsonAsync(url, new { level = "Benchmark", reasons = "成效显著", decision = "Propose" });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(Stage.PanelReview, (await build.Reload(s.First.Id))!.Stage);

        var chair = await app.ApiClient(s.Chair.User);
        var concluded = await chair.PostAsJsonAsync(url, new { level = "Excellent", reasons = "方法系统，创新性较强，但标杆示范性不足", decision = "Propose" });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        var a = (await build.Reload(s.First.Id))!;
        Assert.Equal(Stage.Proposed, a.Stage);
        Assert.Equal(Level.Excellent, a.ProposedLevel);
        var change = await app.WithDb<Web.Domain.Applications.StageChange>(async (db, _) => await db.StageChanges.SingleAsync(c => c.ApplicationId == s.First.Id));
        Assert.Equal(Stage.PanelReview, change.From);
        Assert.Equal(Stage.Proposed, change.To);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Panel.Proposed" && e.RecordId == s.First.Id.ToString())));

        // Concluded: no more votes, no second conclusion.
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/votes", new { score = 80m })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chair.PostAsJsonAsync(url, new { level = "Benchmark", reasons = "x", decision = "Propose" })).StatusCode);

        var site = await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.Second.Id}/conclusion",
            new { level = "Benchmark", reasons = "需现场核实数据", decision = "SiteVerification" });
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.Equal(Stage.SiteVerification, (await build.Reload(s.Second.Id))!.Stage);
    }

    [Fact]
    public async Task A_site_visit_outcome_LevelAdjusted_proposes_the_new_level()
    {
        var s = await MeetingWithCandidates();
        await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.Second.Id}/notes", new { questions = "请说明质量损失率数据来源" });
        await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.Second.Id}/conclusion",
            new { level = "Benchmark", reasons = "需现场核实数据", decision = "SiteVerification" });

        var conflictedTeam = await s.Secretariat.PostAsJsonAsync("/api/v1/rounds/2026/site-visits",
            new { applicationId = s.Second.Id, date = "2026-07-20", memberIds = new[] { s.Conflicted.Expert.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, conflictedTeam.StatusCode);
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.SiteVisits.CountAsync(v => v.ApplicationId == s.Second.Id)));

        var created = await s.Secretariat.PostAsJsonAsync("/api/v1/rounds/2026/site-visits",
            new { applicationId = s.Second.Id, date = "2026-07-20", memberIds = new[] { s.Member.Expert.Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var visit = await created.Json();
        var id = visit.GetProperty("id").GetGuid();
        Assert.Contains("请说明质量损失率数据来源", visit.GetProperty("issues").GetString());

        var member = await app.ApiClient(s.Member.User);
        var log = await member.PostAsJsonAsync($"/api/v1/site-visits/{id}/log", new { time = "09:30", subject = "质量部经理", note = "核对了2025年质量损失台账" });
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClient(s.Chair.User)).GetAsync($"/api/v1/site-visits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/site-visits/{id}/conclusion", new { outcome = "Confirmed" })).StatusCode);

        var noReason = await s.Secretariat.PostAsJsonAsync($"/api/v1/site-visits/{id}/conclusion", new { outcome = "LevelAdjusted", level = "Excellent" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(Stage.SiteVerification, (await build.Reload(s.Second.Id))!.Stage);

        var done = await s.Secretariat.PostAsJsonAsync($"/api/v1/site-visits/{id}/conclusion",
            new { outcome = "LevelAdjusted", level = "Excellent", reason = "质量损失率数据口径不一致，成效未达标杆级" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var a = (await build.Reload(s.Second.Id))!;
        Assert.Equal(Stage.Proposed, a.Stage);
        Assert.Equal(Level.Excellent, a.ProposedLevel);
        var stored = await app.WithDb<SiteVisit>(async (db, _) => await db.SiteVisits.SingleAsync(v => v.Id == id));
        Assert.Equal(SiteVisitOutcome.LevelAdjusted, stored.Outcome);
        Assert.Single(stored.Log);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "SiteVisit.Concluded" && e.RecordId == s.Second.Id.ToString())));
    }

    [Fact]
    public async Task The_minutes_read_back_in_Chinese_as_DOCX_and_PDF()
    {
        var s = await MeetingWithCandidates();
        await s.Secretariat.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/notes", new { questions = "问：如何保证数据真实？答：由第三方审核。" });
        await (await app.ApiClient(s.Member.User)).PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/votes", new { score = 88.5m, level = "Benchmark" });

        var docx = await s.Secretariat.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var (docText, _) = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026年度标杆级成果专家会审会", docText);
        Assert.Contains("智能制造全流程质量管控模式", docText);
        Assert.Contains("王工 回避本项", docText);
        Assert.Contains("问：如何保证数据真实？答：由第三方审核。", docText);

        var pdf = await s.Secretariat.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/minutes.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = await ApplicationFormTests.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026年度标杆级成果专家会审会", text);
        Assert.Contains("智能制造全流程质量管控模式", text);
        Assert.Contains("专家会审纪要", text);
    }

    [Fact]
    public async Task An_applicant_is_refused_and_an_expert_outside_the_meeting_gets_404()
    {
        var s = await MeetingWithCandidates();
        var applicant = await app.ApiClient(await build.Applicant());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/rounds/2026/panel-meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/api/v1/rounds/2026/panel-meetings", new { title = "x" })).StatusCode);

        var outsider = await build.PoolExpert("赵研究员");
        var client = await app.ApiClient(outsider.User);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panel-meetings/{s.MeetingId}/minutes.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/panel-meetings/{s.MeetingId}/items/{s.First.Id}/votes", new { score = 80m })).StatusCode);
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/rounds/2026/panel-meetings")).Json()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(outsider.User)).GetAsync($"/Expert/Panels/{s.MeetingId}")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_meeting_needs_if_match_and_a_new_conflicted_member_is_recused()
    {
        var s = await MeetingWithCandidates();
        var extra = await build.PoolExpert("钱总", organizationName: (await app.WithDb<string>(async (db, _) =>
            (await db.Organizations.SingleAsync(o => o.Id == s.First.OrganizationId)).Name)));
        var body = new
        {
            title = "2026年度标杆级成果专家会审会（调整）", startsAt = "2026-07-11T09:00:00", place = "线上",
            memberIds = new[] { s.Chair.Expert.Id, s.Member.Expert.Id, s.Conflicted.Expert.Id, extra.Expert.Id }, chairId = s.Chair.Expert.Id,
        };
        var url = $"/api/v1/panel-meetings/{s.MeetingId}";
        Assert.Equal((HttpStatusCode)428, (await s.Secretariat.PutAsJsonAsync(url, body)).StatusCode);
        var etag = (await s.Secretariat.GetAsync(url)).Headers.ETag!.ToString();
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await s.Secretariat.SendAsync(stale)).StatusCode);
        var ok = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        ok.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await s.Secretariat.SendAsync(ok);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("线上", (await response.Json()).GetProperty("place").GetString());
        Assert.True(await app.WithDb<bool>(async (db, _) => await db.PanelRecusals.AnyAsync(r => r.ExpertId == extra.Expert.Id)));
    }

    private static string MinutesText(byte[] docx) => DocxText(docx).Text;

    private static (string Text, int Paragraphs) DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join(" | ", errors.Distinct()));
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        return (string.Join("\n", paragraphs.Select(p => p.InnerText)), paragraphs.Count);
    }
}
