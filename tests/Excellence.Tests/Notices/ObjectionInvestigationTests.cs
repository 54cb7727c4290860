using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Notices;

/// <summary>The secretariat investigates objections: masked list, audited reveal, upheld (level changed or revoked) or dismissed, answers by mail.</summary>
public class ObjectionInvestigationTests(NoticeAppFactory app) : IClassFixture<NoticeAppFactory>
{
    private readonly Build build = new(app);

    private async Task<(Application Application, Guid ObjectionId, Excellence.Web.Domain.Organizations.Organization Org)> Objected(
        string identity, string? email = "objector@test.local", Level level = Level.Excellent)
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var org = await build.Organization();
        var a = await build.Approved(org, level);
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var response = await Objections.File(app, app.NewClient(), notice.Id, new(a.Id, Identity: identity, Email: email, Contact: "021-66668888"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await app.WithDb((db, _) => db.Objections.Where(o => o.ApplicationId == a.Id).Select(o => o.Id).SingleAsync());
        return (a, id, org);
    }

    private static HttpRequestMessage Decision(Guid id, object body, int? version = 0)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/objections/{id}/decision") { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.IfMatch.ParseAdd($"\"{v}\"");
        return request;
    }

    [Fact]
    public async Task The_list_shows_the_objector_masked_and_the_reveal_is_written_to_the_audit_log()
    {
        var (_, id, _) = await Objected("13987654321");
        var client = await app.ApiClient(await build.Secretariat());

        var list = await client.GetAsync("/api/v1/objections");
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("139****4321", text);
        Assert.DoesNotContain("13987654321", text);
        Assert.DoesNotContain("赵实名", text);

        var page = await (await app.SignedIn(await build.Secretariat())).Html($"/Secretariat/Objections/{id}");
        Assert.Contains("139****4321", page);
        Assert.DoesNotContain("13987654321", page);

        var reveal = await client.PostAsync($"/api/v1/objections/{id}/reveal", null);
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var identity = await reveal.Json();
        Assert.Equal("13987654321", identity.GetProperty("idNumberOrMobile").GetString());
        Assert.Equal("赵实名", identity.GetProperty("name").GetString());
        Assert.Equal(1, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Objection.ObjectorRevealed" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task Applicants_and_experts_may_not_see_objections()
    {
        var (_, id, org) = await Objected("13911223344");
        foreach (var user in new[] { await build.Applicant(org), await build.Expert() })
        {
            var client = await app.ApiClient(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/objections")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/objections/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/objections/{id}/reveal", null)).StatusCode);
            var page = await (await app.SignedIn(user)).GetAsync("/Secretariat/Objections");
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        }
        Assert.Equal(0, await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.Action == "Objection.ObjectorRevealed" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task An_upheld_objection_changes_the_level_audited_and_mails_the_objector_and_the_applicant()
    {
        var (a, id, org) = await Objected("13922334455", "upheld.objector@test.local", Level.Benchmark);
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.SendAsync(Decision(id, new
        {
            verdict = "Upheld", remedy = "ChangeLevel", newLevel = "Excellent",
            findings = "经核实，申报材料中的部分数据有误。", explanation = "经调查，异议部分成立，等级调整为优秀级。",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Level.Excellent, (await build.Reload(a.Id))!.ApprovedLevel);
        var o = await app.WithDb((db, _) => db.Objections.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((ObjectionStatus.Upheld, ObjectionRemedy.ChangeLevel, Level.Benchmark, Level.Excellent, ObjectionAnswer.Mail),
            (o.Status, o.Remedy!.Value, o.LevelBefore!.Value, o.NewLevel!.Value, o.AnsweredBy!.Value));
        Assert.True(await app.WithDb((db, _) => db.AuditEvents.AnyAsync(e => e.Action == "Objection.Upheld" && e.RecordType == "Application" && e.RecordId == a.Id.ToString())));
        var objectorMail = Build.LastMailTo(app, "upheld.objector@test.local");
        Assert.Contains(o.ReceiptNumber, objectorMail.Subject);
        Assert.Contains("由标杆级调整为优秀级", objectorMail.TextBody);
        Assert.Contains("经调查，异议部分成立", objectorMail.TextBody);
        Assert.Contains("异议成立", Build.LastMailTo(app, org.ContactEmail).TextBody);
    }

    [Fact]
    public async Task An_upheld_objection_can_revoke_the_result_through_the_workflow_and_the_row_leaves_the_notice()
    {
        var (a, id, _) = await Objected("13933445566");
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.SendAsync(Decision(id, new
        {
            verdict = "Upheld", remedy = "Revoke", findings = "经核实，该成果存在弄虚作假情况。", explanation = "异议成立，撤销该成果评价结果。",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Stage.NotApproved, (await build.Reload(a.Id))!.Stage);
        var change = await app.WithDb((db, _) => db.StageChanges.AsNoTracking().SingleAsync(s => s.ApplicationId == a.Id && s.Move == Move.RevokeResult));
        Assert.Equal((Stage.PublicNotice, Stage.NotApproved, "经核实，该成果存在弄虚作假情况。"), (change.From, change.To, change.Reason));
        var noticeId = await app.WithDb((db, _) => db.Objections.Where(o => o.Id == id).Select(o => o.NoticeId).SingleAsync());
        var notice = await (await app.NewClient().GetAsync($"/api/v1/notices/{noticeId}")).Json();
        Assert.Empty(notice.GetProperty("notice").GetProperty("items").EnumerateArray());
        Assert.Contains("撤销", Build.LastMailTo(app, "objector@test.local").TextBody);
    }

    [Fact]
    public async Task A_dismissed_objection_leaves_the_result_and_without_an_email_needs_a_note_of_the_phone_answer()
    {
        var (a, id, org) = await Objected("13944556677", email: null);
        var client = await app.ApiClient(await build.Secretariat(), "en");
        var mailsBefore = Build.Mails(app).Count;

        var missingNote = await client.SendAsync(Decision(id, new { verdict = "Dismissed", findings = "经核实，数据无误。", explanation = "异议不成立。" }));
        Assert.Equal(HttpStatusCode.BadRequest, missingNote.StatusCode);
        Assert.Equal("The objector gave no e-mail; note how they were answered by phone",
            (await missingNote.Json()).GetProperty("errors").GetProperty("phoneNote")[0].GetString());
        Assert.Equal(ObjectionStatus.Received, await app.WithDb((db, _) => db.Objections.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));

        var response = await client.SendAsync(Decision(id, new
        {
            verdict = "Dismissed", findings = "经核实，数据无误。", explanation = "异议不成立。", phoneNote = "6月19日电话告知赵先生，对方无异议。",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var o = await app.WithDb((db, _) => db.Objections.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((ObjectionStatus.Dismissed, ObjectionAnswer.Phone, "6月19日电话告知赵先生，对方无异议。"), (o.Status, o.AnsweredBy!.Value, o.AnswerNote));
        Assert.Equal((Stage.PublicNotice, Level.Excellent), ((await build.Reload(a.Id))!.Stage, (await build.Reload(a.Id))!.ApprovedLevel!.Value));
        Assert.Equal(mailsBefore, Build.Mails(app).Count);
        Assert.True(await app.WithDb((db, _) => db.AuditEvents.AnyAsync(e => e.Action == "Objection.Dismissed" && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task A_dismissed_objection_with_an_email_is_answered_by_mail()
    {
        var (_, id, _) = await Objected("13955667788", "dismissed.objector@test.local");
        var client = await app.ApiClient(await build.Secretariat());
        var response = await client.SendAsync(Decision(id, new { verdict = "Dismissed", findings = "经核实，数据无误。", explanation = "所述情况与事实不符。" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = Build.LastMailTo(app, "dismissed.objector@test.local");
        Assert.Contains("异议不成立", mail.TextBody);
        Assert.Contains("原评价结果维持不变", mail.TextBody);
    }

    [Fact]
    public async Task A_decision_needs_if_match_and_a_stale_version_changes_nothing()
    {
        var (a, id, _) = await Objected("13966778899");
        var client = await app.ApiClient(await build.Secretariat());
        var body = new { verdict = "Upheld", remedy = "Revoke", findings = "核实。", explanation = "成立。" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.SendAsync(Decision(id, body, version: null))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(Decision(id, body, version: 5))).StatusCode);
        Assert.Equal(Stage.PublicNotice, (await build.Reload(a.Id))!.Stage);
        Assert.Equal(ObjectionStatus.Received, await app.WithDb((db, _) => db.Objections.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }
}
