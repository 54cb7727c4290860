using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

public class ApprovalApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);
    private static int nextYear = 2070;

    /// <summary>Each test its own year, so the recommended lists and the one-open-meeting rule do not meet.</summary>
    private Task<Excellence.Web.Domain.Rounds.Round> Year() => build.Round(Interlocked.Increment(ref nextYear));

    private Task<int> VoteCount(Guid meetingId) => app.WithDb((db, _) => db.ApprovalVotes.CountAsync(v => v.MeetingId == meetingId));

    private static object Vote(Guid applicationId, string choice, string? level = null, string? reason = null) =>
        new { applicationId, choice, level, reason };

    private static async Task<HttpResponseMessage> PostVotes(HttpClient client, Guid meetingId, params object[] votes) =>
        await client.PostAsJsonAsync($"/api/v1/approval-meetings/{meetingId}/votes", new { votes });

    [Fact]
    public async Task The_secretariat_convenes_a_meeting_with_the_default_quorum_and_majority_and_records_attendance_with_If_Match()
    {
        var round = await Year();
        var approvers = await build.Approvers(3);
        var a = await build.ProposedApplication(round, Level.Excellent, 88.5m);
        var secretariat = await app.ApiClient(await build.Secretariat());

        var created = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{round.Year}/approval-meetings", new
        {
            title = $"{round.Year}年度审定会议", heldAt = $"{round.Year}-11-20T14:00:00+08:00", place = "协会会议室",
            invited = approvers.Select(u => u.Id),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Json();
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal("\"0\"", created.Headers.ETag!.ToString());
        Assert.Equal(2, json.GetProperty("quorum").GetProperty("numerator").GetInt32());
        Assert.Equal(3, json.GetProperty("quorum").GetProperty("denominator").GetInt32());
        Assert.Equal(1, json.GetProperty("majority").GetProperty("numerator").GetInt32());
        Assert.Equal(2, json.GetProperty("quorumRequired").GetInt32());
        Assert.False(json.GetProperty("quorumMet").GetBoolean());
        var item = json.GetProperty("items")[0];
        Assert.Equal(a.Id, item.GetProperty("applicationId").GetGuid());
        Assert.Equal("Excellent", item.GetProperty("proposedLevel").GetString());
        Assert.Equal(88.5m, item.GetProperty("preliminaryScore").GetDecimal());
        Assert.Equal("PanelReview", item.GetProperty("confirmedBy").GetString());
        Assert.Equal(0, item.GetProperty("votesCast").GetInt32());

        // A second open meeting of the same year is refused.
        var second = await secretariat.PostAsJsonAsync($"/api/v1/rounds/{round.Year}/approval-meetings", new
        {
            title = "另一个", heldAt = $"{round.Year}-11-21T14:00:00+08:00", place = "别处", invited = approvers.Select(u => u.Id),
        });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var attendance = new { present = approvers.Take(2).Select(u => u.Id) };
        Assert.Equal((HttpStatusCode)428, (await secretariat.PutAsJsonAsync($"/api/v1/approval-meetings/{id}/attendance", attendance)).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/approval-meetings/{id}/attendance") { Content = JsonContent.Create(attendance) };
        put.Headers.IfMatch.ParseAdd("\"0\"");
        var recorded = await secretariat.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("\"1\"", recorded.Headers.ETag!.ToString());
        Assert.True((await recorded.Json()).GetProperty("quorumMet").GetBoolean());
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/approval-meetings/{id}/attendance") { Content = JsonContent.Create(new { present = Array.Empty<Guid>() }) };
        stale.Headers.IfMatch.ParseAdd("\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await secretariat.SendAsync(stale)).StatusCode);
        Assert.Equal(2, await app.WithDb((db, _) => db.ApprovalAttendees.CountAsync(x => x.MeetingId == id && x.Present)));
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Approval.MeetingCreated" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task A_present_approver_votes_and_sees_only_its_own_votes_before_closing()
    {
        var round = await Year();
        var approvers = await build.Approvers(2);
        var a = await build.ProposedApplication(round, Level.Excellent);
        var b = await build.ProposedApplication(round, Level.Advancing);
        var m = await build.ApprovalMeeting(round, approvers);
        var first = await app.ApiClient(approvers[0]);

        var response = await PostVotes(first, m.Id, Vote(a.Id, "Approve"), Vote(b.Id, "ChangeLevel", "Excellent", "成效突出，建议上调"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var votes = await app.WithDb((db, _) => db.ApprovalVotes.AsNoTracking().Where(v => v.MeetingId == m.Id).OrderBy(v => v.Choice).ToListAsync());
        Assert.Equal(2, votes.Count);
        Assert.All(votes, v => Assert.Equal(approvers[0].Id, v.ApproverUserId));
        Assert.Equal((VoteChoice.ChangeLevel, (Level?)Level.Excellent, "成效突出，建议上调"), (votes[1].Choice, votes[1].Level, votes[1].Reason));
        Assert.Equal(2, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Approval.Voted")));

        // Voting again replaces the earlier vote.
        Assert.Equal(HttpStatusCode.OK, (await PostVotes(first, m.Id, Vote(a.Id, "Reject", reason: "材料不足"))).StatusCode);
        Assert.Equal(2, await VoteCount(m.Id));

        var second = await app.ApiClient(approvers[1]);
        Assert.Equal(HttpStatusCode.OK, (await PostVotes(second, m.Id, Vote(a.Id, "Approve"))).StatusCode);
        var seen = await (await second.GetAsync($"/api/v1/approval-meetings/{m.Id}")).Json();
        var items = seen.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("applicationId").GetGuid());
        Assert.Equal("Approve", items[a.Id].GetProperty("myVote").GetProperty("choice").GetString());
        Assert.Equal(JsonValueKind.Null, items[b.Id].GetProperty("myVote").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[a.Id].GetProperty("tally").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[a.Id].GetProperty("votesCast").ValueKind);
        Assert.DoesNotContain("材料不足", seen.ToString());
    }

    [Fact]
    public async Task A_reject_or_level_change_without_a_reason_is_refused_and_nothing_is_written()
    {
        var round = await Year();
        var approvers = await build.Approvers(1);
        var a = await build.ProposedApplication(round, Level.Excellent);
        var m = await build.ApprovalMeeting(round, approvers);
        var client = await app.ApiClient(approvers[0]);
        var response = await PostVotes(client, m.Id, Vote(a.Id, "Approve"), Vote(a.Id, "Reject"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await PostVotes(client, m.Id, Vote(a.Id, "ChangeLevel", "Benchmark"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Equal("不同意或调整等级须填写理由。", errors.GetProperty("votes[0].reason")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostVotes(client, m.Id, Vote(a.Id, "ChangeLevel", "Excellent", "同级"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostVotes(client, m.Id, Vote(Guid.NewGuid(), "Approve"))).StatusCode);
        Assert.Equal(0, await VoteCount(m.Id));
    }

    [Fact]
    public async Task An_absent_approver_is_refused_with_403_an_uninvited_one_gets_404_and_nothing_is_written()
    {
        var round = await Year();
        var approvers = await build.Approvers(3);
        var a = await build.ProposedApplication(round, Level.Benchmark);
        var m = await build.ApprovalMeeting(round, approvers.Take(2).ToList(), present: [approvers[0]]);

        var absent = await PostVotes(await app.ApiClient(approvers[1]), m.Id, Vote(a.Id, "Approve"));
        Assert.Equal(HttpStatusCode.Forbidden, absent.StatusCode);
        Assert.Equal("Approval.NotPresent", (await absent.Json()).GetProperty("code").GetString());
        var outsider = await app.ApiClient(approvers[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await PostVotes(outsider, m.Id, Vote(a.Id, "Approve"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/approval-meetings/{m.Id}")).StatusCode);
        Assert.Equal(0, (await (await outsider.GetAsync($"/api/v1/rounds/{round.Year}/approval-meetings")).Json()).GetProperty("total").GetInt32());
        Assert.Equal(0, await VoteCount(m.Id));
    }

    [Fact]
    public async Task Applicants_and_experts_are_refused_every_approval_endpoint()
    {
        var round = await Year();
        var approvers = await build.Approvers(1);
        var a = await build.ProposedApplication(round, Level.Excellent);
        var m = await build.ApprovalMeeting(round, approvers);
        foreach (var user in new[] { await build.Applicant(), await build.Expert() })
        {
            var client = await app.ApiClient(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostVotes(client, m.Id, Vote(a.Id, "Approve"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/rounds/{round.Year}/approval-meetings", new { title = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/approval-meetings/{m.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/approval-meetings/{m.Id}/minutes.pdf")).StatusCode);
        }
        Assert.Equal(0, await VoteCount(m.Id));
        Assert.Equal(Stage.Proposed, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task Closing_without_a_quorum_is_refused_with_the_reason_and_changes_nothing()
    {
        var round = await Year();
        var approvers = await build.Approvers(3);
        var a = await build.ProposedApplication(round, Level.Excellent);
        var m = await build.ApprovalMeeting(round, approvers, present: [approvers[0]]);
        await PostVotes(await app.ApiClient(approvers[0]), m.Id, Vote(a.Id, "Approve"));
        var response = await (await app.ApiClient(await build.Secretariat())).PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("Approval.NoQuorum", problem.GetProperty("code").GetString());
        Assert.Equal("未达法定人数：实到 1 人，应到 3 人，至少需 2 人到会，不能结束会议。", problem.GetProperty("title").GetString());
        Assert.Equal(Stage.Proposed, (await build.Reload(a.Id))!.Stage);
        Assert.Equal(MeetingStatus.Open, await app.WithDb((db, _) => db.ApprovalMeetings.Where(x => x.Id == m.Id).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task Closing_applies_stages_and_levels_with_stage_changes_and_an_audited_tally_then_locks_the_result()
    {
        var round = await Year();
        var approvers = await build.Approvers(4);
        var keep = await build.ProposedApplication(round, Level.Excellent, 90m);
        var raise = await build.ProposedApplication(round, Level.Advancing, 80m, Category.SinglePractice, Stage.SiteVerification);
        var reject = await build.ProposedApplication(round, Level.Advancing, 70m, Category.IndividualExperience);
        var m = await build.ApprovalMeeting(round, approvers, present: approvers.Take(3).ToList());
        for (var i = 0; i < 3; i++)
        {
            var client = await app.ApiClient(approvers[i]);
            var response = await PostVotes(client, m.Id,
                Vote(keep.Id, i == 2 ? "Reject" : "Approve", reason: i == 2 ? "理由" : null),
                i < 2 ? Vote(raise.Id, "ChangeLevel", "Excellent", "上调") : Vote(raise.Id, "Approve"),
                i == 0 ? Vote(reject.Id, "Approve") : Vote(reject.Id, "Reject", reason: "事迹不充分"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var secretariat = await app.ApiClient(await build.Secretariat());
        var closed = await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var json = await closed.Json();
        Assert.Equal("Closed", json.GetProperty("status").GetString());

        var k = await build.Reload(keep.Id);
        var r = await build.Reload(raise.Id);
        var x = await build.Reload(reject.Id);
        Assert.Equal((Stage.Approved, (Level?)Level.Excellent), (k!.Stage, k.ApprovedLevel));
        Assert.Equal((Stage.Approved, (Level?)Level.Excellent), (r!.Stage, r.ApprovedLevel));
        Assert.Equal((Stage.NotApproved, (Level?)null), (x!.Stage, x.ApprovedLevel));
        var changes = await app.WithDb((db, _) => db.StageChanges.AsNoTracking()
            .Where(c => (c.ApplicationId == keep.Id || c.ApplicationId == raise.Id || c.ApplicationId == reject.Id) && c.From == Stage.Proposed).ToListAsync());
        Assert.Equal(3, changes.Count);
        Assert.Equal(2, changes.Count(c => c.Move == Excellence.Web.Domain.Applications.Move.Approve));
        var tally = await app.WithDb((db, _) => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "Approval.Tally" && e.RecordId == m.Id.ToString()));
        Assert.Contains("\"present\":3", tally.After);
        Assert.Contains("\"reject\":2", tally.After);
        var changeIds = changes.Select(c => c.Id.ToString()).ToList();
        Assert.Equal(3, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Approval.Closed" && e.RecordType == "StageChange" && changeIds.Contains(e.RecordId))));

        // Locked: no more votes, no second closing, no attendance change.
        var after = await PostVotes(await app.ApiClient(approvers[0]), m.Id, Vote(keep.Id, "Approve"));
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Equal("Approval.Closed", (await after.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null)).StatusCode);
        Assert.Equal(9, await VoteCount(m.Id));

        // After closing everyone on the meeting sees the tally.
        var seen = await (await (await app.ApiClient(approvers[3])).GetAsync($"/api/v1/approval-meetings/{m.Id}")).Json();
        var tallies = seen.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("applicationId").GetGuid(), i => i.GetProperty("tally"));
        Assert.Equal(2, tallies[raise.Id].GetProperty("changeLevel").GetInt32());
        Assert.Equal("NotApproved", tallies[reject.Id].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_undecided_item_blocks_closing_until_the_secretariat_holds_a_revote()
    {
        var round = await Year();
        var approvers = await build.Approvers(2);
        var a = await build.ProposedApplication(round, Level.Excellent);
        var m = await build.ApprovalMeeting(round, approvers);
        await PostVotes(await app.ApiClient(approvers[0]), m.Id, Vote(a.Id, "Approve"));
        await PostVotes(await app.ApiClient(approvers[1]), m.Id, Vote(a.Id, "Reject", reason: "不够成熟"));
        var secretariat = await app.ApiClient(await build.Secretariat());
        var refused = await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Approval.Undecided", (await refused.Json()).GetProperty("code").GetString());
        Assert.Equal(Stage.Proposed, (await build.Reload(a.Id))!.Stage);

        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/revote", null)).StatusCode);
        Assert.Equal(0, await VoteCount(m.Id));
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Approval.RevoteTally" && e.RecordId == m.Id.ToString())));
        await PostVotes(await app.ApiClient(approvers[0]), m.Id, Vote(a.Id, "Approve"));
        await PostVotes(await app.ApiClient(approvers[1]), m.Id, Vote(a.Id, "Approve"));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null)).StatusCode);
        Assert.Equal(Stage.Approved, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task The_minutes_read_back_with_the_meeting_attendance_quorum_and_results_by_category_and_level()
    {
        var round = await Year();
        var approvers = await build.Approvers(3);
        var a = await build.ProposedApplication(round, Level.Benchmark, 95m, title: "数字化质量管理体系");
        var b = await build.ProposedApplication(round, Level.Excellent, 84m, Category.SinglePractice, title: "供应链协同改进实践");
        var m = await build.ApprovalMeeting(round, approvers, present: approvers.Take(2).ToList());
        var secretariat = await app.ApiClient(await build.Secretariat());
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.GetAsync($"/api/v1/approval-meetings/{m.Id}/minutes.pdf")).StatusCode);
        foreach (var u in approvers.Take(2))
            await PostVotes(await app.ApiClient(u), m.Id, Vote(a.Id, "Approve"), Vote(b.Id, "Approve"));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/approval-meetings/{m.Id}/close", null)).StatusCode);

        var pdf = await secretariat.GetAsync($"/api/v1/approval-meetings/{m.Id}/minutes.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        // pdftotext spaces CJK text its own way and the reader folds full-width forms (NFKC); compare alike.
        var text = string.Concat((await ApplicationFormTests.PdfText(await pdf.Content.ReadAsByteArrayAsync())).Where(c => !char.IsWhiteSpace(c)));
        void Has(string expected) =>
            Assert.Contains(string.Concat(expected.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))), text);
        Has($"{round.Year}年度卓越管理创新成果审定会议纪要");
        Has("应到审定专家 3 人，实到 2 人");
        Has("法定人数：应到人数的 2/3，即 2 人；已达到");
        Has("卓越质量管理模式（组织） · 标杆级");
        Has("卓越管理创新实践（单项） · 优秀级");
        Has("数字化质量管理体系");
        Has("同意 2，调整等级 0，不同意 0（共 2 票）");
        Has("缺席：");

        var docx = await secretariat.GetAsync($"/api/v1/approval-meetings/{m.Id}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.Equal(2, body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        Assert.Contains("供应链协同改进实践", body.InnerText);
        Assert.Contains("应到审定专家 3 人，实到 2 人", body.InnerText);
    }
}
