using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>Score sheets, the expert's queue and the rubric through /api/v1 (rubric.md, api.md).</summary>
public class ReviewApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static readonly string[] CodesA =
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3"];

    internal static object Sheet(IEnumerable<(string Code, int? Band)> scores, string strengths = "", string opportunities = "",
        string? veto = null, string? vetoNote = null) => new
    {
        scores = scores.Select(s => new { code = s.Code, bandPercent = s.Band, comment = $"{s.Code} 的评语" }),
        strengths, opportunities, veto, vetoNote,
    };

    internal static object FullSheet(int band = 80) =>
        Sheet(CodesA.Select(c => (c, (int?)band)), "体系完整，数据翔实。", "结果对比可更充分。");

    internal static Task<HttpResponseMessage> Put(HttpClient client, Guid assignmentId, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assignments/{assignmentId}/review") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    private async Task<(HttpClient Client, Expert Expert, Application App, Assignment Assignment)> Assigned(Stage stage = Stage.PreliminaryReview)
    {
        var (user, expert) = await build.ReviewExpert();
        var application = await build.ApplicationInPreliminaryReview(stage: stage);
        var assignment = await build.Assignment(application, expert);
        return (await app.ApiClient(user), expert, application, assignment);
    }

    private Task<Review?> StoredReview(Guid assignmentId) =>
        app.WithDb<Review?>(async (db, _) => await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.AssignmentId == assignmentId));

    [Fact]
    public async Task An_assigned_expert_saves_a_partial_draft_and_the_total_is_max_times_band_rounded_to_a_tenth()
    {
        var (client, _, application, assignment) = await Assigned();

        var empty = await client.GetAsync($"/api/v1/assignments/{assignment.Id}/review");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("\"0\"", empty.Headers.ETag!.ToString());
        var view = await empty.Json();
        Assert.Equal("Empty", view.GetProperty("status").GetString());
        Assert.Equal(15, view.GetProperty("criteria").GetArrayLength());
        Assert.True(view.GetProperty("canEdit").GetBoolean());

        // 1.1 (6) × 5 % = 0.3; 2.5 (5) × 45 % = 2.25; 4.2 (4) × 15 % = 0.6 → 3.15 → 3.2
        var saved = await Put(client, assignment.Id, "\"0\"", Sheet([("1.1", 5), ("2.5", 45), ("4.2", 15)], strengths: "方法系统"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.ToString());
        Assert.Equal(3.2m, (await saved.Json()).GetProperty("total").GetDecimal());

        var read = await (await client.GetAsync($"/api/v1/assignments/{assignment.Id}/review")).Json();
        Assert.Equal("Draft", read.GetProperty("status").GetString());
        Assert.Equal(2.25m, read.GetProperty("scores")[7].GetProperty("points").GetDecimal());
        Assert.Equal("方法系统", read.GetProperty("strengths").GetString());

        var stored = await StoredReview(assignment.Id);
        Assert.NotNull(stored);
        Assert.Equal((ReviewStatus.Draft, 3.2m, 15, application.Id), (stored.Status, stored.Total, stored.Scores.Count, stored.ApplicationId));
        Assert.Equal(1, await app.WithDb<int>(async (db, _) =>
            await db.AuditEvents.CountAsync(e => e.Action == "Review.DraftSaved" && e.RecordId == stored.Id.ToString())));
    }

    [Fact]
    public async Task A_band_that_is_not_a_multiple_of_5_is_refused_with_a_localised_400_and_nothing_is_saved()
    {
        var (client, _, _, assignment) = await Assigned();
        var response = await Put(client, assignment.Id, "\"0\"", Sheet([("2.1", 52)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Equal("得分率应为 0 到 100 之间 5% 的整数倍", errors.GetProperty("scores[2.1].bandPercent")[0].GetString());
        Assert.Null(await StoredReview(assignment.Id));

        var (user, _) = await build.ReviewExpert();
        var english = await app.ApiClient(user, "en");
        var own = await build.Assignment(await build.ApplicationInPreliminaryReview(), await app.WithDb<Expert>(async (db, _) => await db.Experts.FirstAsync(e => e.UserId == user.Id)));
        var en = await Put(english, own.Id, "\"0\"", Sheet([("1.1", 101)]));
        Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
        Assert.Equal("The band must be a multiple of 5 % between 0 and 100", (await en.Json()).GetProperty("errors").GetProperty("scores[1.1].bandPercent")[0].GetString());
    }

    [Fact]
    public async Task Submit_needs_every_criterion_scored_and_strengths_and_opportunities_then_the_sheet_is_read_only()
    {
        var (client, _, _, assignment) = await Assigned();
        Assert.Equal(HttpStatusCode.OK, (await Put(client, assignment.Id, "\"0\"", Sheet(CodesA.Skip(1).Select(c => (c, (int?)60))))).StatusCode);

        var refused = await client.PostAsync($"/api/v1/assignments/{assignment.Id}/review/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Json()).GetProperty("errors");
        Assert.Equal("评分项 1.1 尚未评分", errors.GetProperty("scores[1.1].bandPercent")[0].GetString());
        Assert.True(errors.TryGetProperty("strengths", out _));
        Assert.True(errors.TryGetProperty("opportunities", out _));
        Assert.Equal((ReviewStatus.Draft, 1), await StoredReview(assignment.Id) is { } r1 ? (r1.Status, r1.Version) : default);

        Assert.Equal(HttpStatusCode.OK, (await Put(client, assignment.Id, "\"1\"", FullSheet(80))).StatusCode);
        var submitted = await client.PostAsync($"/api/v1/assignments/{assignment.Id}/review/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.Json();
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal(80m, body.GetProperty("total").GetDecimal());

        var again = await Put(client, assignment.Id, "\"3\"", FullSheet(90));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Review.AlreadySubmitted", (await again.Json()).GetProperty("code").GetString());
        var stored = await StoredReview(assignment.Id);
        Assert.Equal((ReviewStatus.Submitted, 80m, 3), (stored!.Status, stored.Total, stored.Version));
        Assert.NotNull(stored.SubmittedAt);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Review.Submitted" && e.RecordId == stored.Id.ToString())));
    }

    [Fact]
    public async Task A_veto_proposal_needs_a_written_reason_to_be_submitted()
    {
        var (client, _, _, assignment) = await Assigned();
        var sheet = Sheet(CodesA.Select(c => (c, (int?)40)), "优势", "改进机会", veto: "PracticeUnderOneYear");
        Assert.Equal(HttpStatusCode.OK, (await Put(client, assignment.Id, "\"0\"", sheet)).StatusCode);
        var refused = await client.PostAsync($"/api/v1/assignments/{assignment.Id}/review/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("提出一票否决须写明理由", (await refused.Json()).GetProperty("errors").GetProperty("vetoNote")[0].GetString());
    }

    [Fact]
    public async Task A_stale_if_match_answers_412_and_a_missing_one_428_and_nothing_changes()
    {
        var (client, _, _, assignment) = await Assigned();
        Assert.Equal(HttpStatusCode.OK, (await Put(client, assignment.Id, "\"0\"", Sheet([("1.1", 50)]))).StatusCode);

        var stale = await Put(client, assignment.Id, "\"0\"", Sheet([("1.1", 100)]));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, (await Put(client, assignment.Id, null, Sheet([("1.1", 100)]))).StatusCode);
        var stored = await StoredReview(assignment.Id);
        Assert.Equal((1, 3m), (stored!.Version, stored.Total));
    }

    [Fact]
    public async Task Another_experts_assignment_and_a_recused_one_answer_404_everywhere()
    {
        var (client, expert, application, assignment) = await Assigned();
        var (otherUser, _) = await build.ReviewExpert();
        var other = await app.ApiClient(otherUser);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/assignments/{assignment.Id}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(other, assignment.Id, "\"0\"", Sheet([("1.1", 50)]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/assignments/{assignment.Id}/review/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{application.Id}")).StatusCode);
        Assert.Null(await StoredReview(assignment.Id));

        // The assigned expert reads the application, without personal data; after a recusal, nothing at all.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/applications/{application.Id}")).StatusCode);
        var recusedApp = await build.ApplicationInPreliminaryReview();
        var recused = await build.Assignment(recusedApp, expert, AssignmentStatus.Recused);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/assignments/{recused.Id}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(client, recused.Id, "\"0\"", Sheet([("1.1", 50)]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/applications/{recusedApp.Id}")).StatusCode);
        Assert.Null(await StoredReview(recused.Id));

        var queue = await (await client.GetAsync("/api/v1/assignments")).Json();
        Assert.Equal(1, queue.GetProperty("total").GetInt32());
        Assert.Equal(assignment.Id, queue.GetProperty("items")[0].GetProperty("assignmentId").GetGuid());
        Assert.Equal("Empty", queue.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_expert_reads_an_individual_application_without_the_resident_id_or_any_phone()
    {
        var (user, expert) = await build.ReviewExpert();
        var application = await build.ApplicationInPreliminaryReview(Category.IndividualExperience);
        await app.WithDb(async db =>
        {
            var n = await db.Set<Nominee>().FirstAsync(x => x.ApplicationId == application.Id);
            n.Name = "李四"; n.ResidentIdMasked = "310101********1234"; n.ResidentIdCipher = "x"; n.PhoneMasked = "138****8000"; n.PhoneCipher = "y";
            await db.SaveChangesAsync();
        });
        await build.Assignment(application, expert);
        var response = await (await app.ApiClient(user)).GetAsync($"/api/v1/applications/{application.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("李四", text);
        Assert.DoesNotContain("1234", text);
        Assert.DoesNotContain("138****", text);
        Assert.DoesNotContain("****8000", text);
    }

    [Fact]
    public async Task An_application_not_in_the_preliminary_review_cannot_be_scored_409()
    {
        var (client, _, _, assignment) = await Assigned(Stage.Screening);
        var response = await Put(client, assignment.Id, "\"0\"", Sheet([("1.1", 50)]));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("Review.NotInPreliminaryReview", body.GetProperty("code").GetString());
        Assert.Equal("该成果不在成果初审阶段，不能评分", body.GetProperty("title").GetString());
        Assert.Null(await StoredReview(assignment.Id));
    }

    [Fact]
    public async Task Others_scores_are_hidden_before_the_own_submission_and_shown_after_within_the_group_only()
    {
        var application = await build.ApplicationInPreliminaryReview(Category.SinglePractice);
        var (u1, e1) = await build.ReviewExpert("甲专家");
        var (u2, e2) = await build.ReviewExpert("乙专家");
        var (u3, e3) = await build.ReviewExpert("丙专家");
        await build.ReviewGroup(Category.SinglePractice, e1, e2);
        await build.ReviewGroup(Category.SinglePractice, e3);
        var a1 = await build.Assignment(application, e1);
        var a2 = await build.Assignment(application, e2);
        var a3 = await build.Assignment(application, e3);
        var (c1, c2, c3) = (await app.ApiClient(u1), await app.ApiClient(u2), await app.ApiClient(u3));
        var codesB = DefaultRubrics.Create(Guid.Empty, 2026, Category.SinglePractice).Criteria.Select(c => c.Code).ToList();
        object Full(int band) => Sheet(codesB.Select(c => (c, (int?)band)), "优势", "改进机会");

        foreach (var (client, a, band) in new[] { (c2, a2, 70), (c3, a3, 90) })
        {
            Assert.Equal(HttpStatusCode.OK, (await Put(client, a.Id, "\"0\"", Full(band))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/assignments/{a.Id}/review/submit", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await Put(c1, a1.Id, "\"0\"", Full(50))).StatusCode);
        var before = await (await c1.GetAsync($"/api/v1/assignments/{a1.Id}/review")).Json();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("others").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await c1.PostAsync($"/api/v1/assignments/{a1.Id}/review/submit", null)).StatusCode);
        var after = await c1.GetAsync($"/api/v1/assignments/{a1.Id}/review");
        var others = (await after.Json()).GetProperty("others");
        var only = Assert.Single(others.EnumerateArray());
        Assert.Equal(("乙专家", 70m), (only.GetProperty("expertName").GetString(), only.GetProperty("total").GetDecimal()));
        var text = await after.Content.ReadAsStringAsync();
        Assert.DoesNotContain("丙专家", text);
        // No value of 丙专家's sheet (every band 90) anywhere in the answer; ids may contain the digits "90".
        Assert.DoesNotMatch(@":\s*90(\.0+)?\s*[,}\]]", text);

        // The expert of the other group sees nobody of the first group.
        var third = await (await c3.GetAsync($"/api/v1/assignments/{a3.Id}/review")).Json();
        Assert.Empty(third.GetProperty("others").EnumerateArray());
    }

    [Fact]
    public async Task The_first_saved_score_freezes_the_rubric_and_later_edits_are_refused_with_a_reason_and_change_nothing()
    {
        var secretariat = await app.ApiClient(await build.Secretariat());
        var application = await build.ApplicationInPreliminaryReview(Category.IndividualExperience);
        var url = $"/api/v1/rounds/{application.Year}/rubrics/IndividualExperience";
        var read = await secretariat.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var rubric = await read.Json();
        Assert.Equal(JsonValueKind.Null, rubric.GetProperty("frozenAt").ValueKind);
        Assert.Equal(11, rubric.GetProperty("criteria").GetArrayLength());

        // Before any score: renaming and moving points between criteria is fine; a sum other than 100 is not.
        var criteria = JsonSerializer.Deserialize<List<Dictionary<string, object?>>>(rubric.GetProperty("criteria").GetRawText())!;
        criteria[0]["name"] = "质量理念与使命";
        criteria[0]["maxPoints"] = 8; criteria[1]["maxPoints"] = 7;
        var edit = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { criteria, expertsPerApplication = 5 }) };
        edit.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        var edited = await secretariat.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(5, (await edited.Json()).GetProperty("expertsPerApplication").GetInt32());

        criteria[0]["maxPoints"] = 9;
        var bad = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { criteria }) };
        bad.Headers.TryAddWithoutValidation("If-Match", edited.Headers.ETag!.ToString());
        var refused = await secretariat.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("各评分项分值合计应为 100 分，当前为 101 分", (await refused.Json()).GetProperty("errors").GetProperty("criteria")[0].GetString());

        // An expert saves a first score: the rubric freezes in the same save.
        var (user, expert) = await build.ReviewExpert();
        var assignment = await build.Assignment(application, expert);
        var expertClient = await app.ApiClient(user);
        Assert.Equal(HttpStatusCode.OK, (await expertClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Put(expertClient, assignment.Id, "\"0\"", Sheet([("1.1", 50)]))).StatusCode);
        var frozen = await secretariat.GetAsync(url);
        Assert.NotEqual(JsonValueKind.Null, (await frozen.Json()).GetProperty("frozenAt").ValueKind);

        criteria[0]["maxPoints"] = 8; criteria[0]["name"] = "改名";
        var late = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { criteria }) };
        late.Headers.TryAddWithoutValidation("If-Match", frozen.Headers.ETag!.ToString());
        var lateResponse = await secretariat.SendAsync(late);
        Assert.Equal(HttpStatusCode.Conflict, lateResponse.StatusCode);
        Assert.Equal("Rubric.Frozen", (await lateResponse.Json()).GetProperty("code").GetString());
        var stored = await app.WithDb<Rubric>(async (db, _) => await db.Rubrics.AsNoTracking().Include(r => r.Criteria)
            .FirstAsync(r => r.Year == application.Year && r.Category == Category.IndividualExperience));
        Assert.Equal("质量理念与使命", stored.Criteria.Single(c => c.Code == "1.1").Name);
        Assert.Equal(5, stored.ExpertsPerApplication);

        // An expert without an assignment in the year does not see the rubric.
        var (stranger, _) = await build.ReviewExpert();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClient(stranger)).GetAsync(url)).StatusCode);
    }
}
