using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Notices;

/// <summary>Publishing a notice, reading it publicly (consent respected) and the objection window, over the API.</summary>
public class NoticeApiTests(NoticeAppFactory app) : IClassFixture<NoticeAppFactory>
{
    private readonly Build build = new(app);

    private static DateTimeOffset Shanghai(int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_secretariat_publishes_the_approved_list_and_each_application_moves_to_public_notice_with_its_stage_change()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        await build.OpenRound();
        // Earlier tests of this class may have left approved applications; publishing takes every one of the year.
        var a = await build.Approved(level: Level.Benchmark);
        var b = await build.Approved(level: Level.Advancing, consent: false);
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.PostAsJsonAsync("/api/v1/rounds/2026/notices", new { startDate = "2026-06-20", contact = "021-62571234" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Json();
        Assert.Equal("2026-06-26", json.GetProperty("lastDay").GetString());
        Assert.Equal("Scheduled", json.GetProperty("status").GetString());
        foreach (var id in new[] { a.Id, b.Id })
        {
            Assert.Equal(Stage.PublicNotice, (await build.Reload(id))!.Stage);
            Assert.Equal(1, await app.WithDb((db, _) => db.StageChanges.CountAsync(s => s.ApplicationId == id && s.Move == Move.StartPublicNotice)));
        }
        Assert.True(await app.WithDb((db, _) => db.AuditEvents.AnyAsync(e => e.Action == "Notice.Published")));
    }

    [Fact]
    public async Task A_notice_cannot_start_before_today_and_nothing_changes()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var client = await app.ApiClient(await build.Secretariat(), "en");
        var before = await app.WithDb((db, _) => db.PublicNotices.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/rounds/2026/notices", new { startDate = "2026-06-17" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The notice cannot start before today (18 June 2026)",
            (await response.Json()).GetProperty("errors").GetProperty("startDate")[0].GetString());
        Assert.Equal(before, await app.WithDb((db, _) => db.PublicNotices.CountAsync()));
        Assert.Equal(Stage.Approved, (await build.Reload(a.Id))!.Stage);
    }

    [Fact]
    public async Task Only_the_secretariat_publishes_a_notice()
    {
        var org = await build.Organization();
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await client.PostAsJsonAsync("/api/v1/rounds/2026/notices", new { startDate = "2026-06-20" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_public_notice_shows_name_and_title_only_with_consent_in_the_api_and_on_the_page()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var consenting = await build.Organization(o => o.Name = "上海同意公示制造有限公司");
        var refusing = await build.Organization(o => o.Name = "上海不愿公开名称科技有限公司");
        var shown = await build.Approved(consenting, Level.Benchmark, title: "精益质量管理体系建设");
        var hidden = await build.Approved(refusing, Level.Excellent, consent: false, title: "不公开的成果名称");
        var notice = await build.Notice(new DateOnly(2026, 6, 18), shown, hidden);
        var anonymous = app.NewClient();

        var api = await anonymous.GetAsync($"/api/v1/notices/{notice.Id}");
        var text = await api.Content.ReadAsStringAsync();
        var page = await anonymous.Html($"/notices/{notice.Id}");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        foreach (var body in new[] { text, page })
        {
            Assert.Contains("上海同意公示制造有限公司", body);
            Assert.Contains("精益质量管理体系建设", body);
            Assert.DoesNotContain("上海不愿公开名称科技有限公司", body);
            Assert.DoesNotContain("不公开的成果名称", body);
        }
        Assert.Contains("申报单位不同意公开名称", page);
        Assert.Contains("公示期：2026年6月18日至6月24日", page);
        var rows = (await api.Json()).GetProperty("notice").GetProperty("items").EnumerateArray().ToList();
        var hiddenRow = rows.Single(r => r.GetProperty("applicationId").GetGuid() == hidden.Id);
        Assert.False(hiddenRow.GetProperty("consented").GetBoolean());
        Assert.Equal("Excellent", hiddenRow.GetProperty("level").GetString());
        Assert.Equal("OrganizationModel", hiddenRow.GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_last_second_of_day_seven_is_inside_the_period_and_midnight_after_it_is_not()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();

        app.Clock.Set(Shanghai(6, 24, 23, 59, 49));
        var last = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13900000001"), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);

        app.Clock.Set(Shanghai(6, 24, 23, 59, 50));
        var late = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13900000002"), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("公示期为2026年6月18日至2026年6月24日，现已结束，不再受理异议", (await late.Json()).GetProperty("title").GetString());
        Assert.Equal(1, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task Before_the_first_day_objections_are_refused_and_the_message_names_the_period()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 20), a);
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        app.Clock.Set(Shanghai(6, 19, 23, 59, 40));
        var early = await Objections.File(app, client, notice.Id, new(a.Id), TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("The notice period is 20 June 2026 to 26 June 2026; it has not started yet, so objections are not accepted",
            (await early.Json()).GetProperty("title").GetString());
        Assert.Equal(0, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Theory]
    [InlineData("zh-CN", "身份证号校验位不正确", "异议理由至少10字")]
    [InlineData("en", "check character is wrong", "at least 10 characters")]
    public async Task An_objection_with_a_wrong_id_number_and_short_grounds_is_refused_field_by_field_in_the_callers_language(
        string language, string idMessage, string groundsMessage)
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var wrongCheck = Objections.ResidentIdFor(7)[..17] + (Objections.ResidentIdFor(7)[17] == '1' ? "2" : "1");

        var response = await Objections.File(app, client, notice.Id, new(a.Id, Identity: wrongCheck, Kind: "ResidentId", Grounds: "不符"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Contains(idMessage, errors.GetProperty("identity")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(groundsMessage, errors.GetProperty("grounds")[0].GetString());
        Assert.Equal(0, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task The_objectors_identity_is_stored_only_encrypted_and_a_receipt_number_is_answered()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var id = Objections.ResidentIdFor(42);

        var response = await Objections.File(app, app.NewClient(), notice.Id,
            new(a.Id, Identity: id, Kind: "ResidentId", Name: "钱真名", Contact: "13812345678", Email: "qian.zhenming@test.local"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Json()).GetProperty("receiptNumber").GetString()!;
        Assert.StartsWith("YY2026-", receipt);
        var row = await app.WithDb((db, _) => db.Objections.AsNoTracking().SingleAsync(o => o.ReceiptNumber == receipt));
        var stored = typeof(Objection).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(row) ?? "").ToList();
        foreach (var secret in new[] { id, "钱真名", "13812345678", "qian.zhenming@test.local" })
            Assert.DoesNotContain(stored, v => v.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(Excellence.Web.Domain.Identifiers.ResidentId.Mask(id), row.IdentityMasked);
        Assert.Equal("钱*名", row.NameMasked);
        var audit = await app.WithDb((db, _) => db.AuditEvents.AsNoTracking().Where(e => e.RecordType == "Objection" && e.RecordId == row.Id.ToString()).ToListAsync());
        Assert.Single(audit);
        Assert.DoesNotContain(id, audit[0].After);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_and_nothing_is_stored()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var response = await Objections.File(app, app.NewClient(), notice.Id, new(a.Id, Website: "http://spam.example"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task A_form_sent_back_faster_than_a_person_can_fill_it_is_refused()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var response = await Objections.File(app, app.NewClient(), notice.Id, new(a.Id), TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("提交过快", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task The_same_person_objecting_twice_to_the_same_application_is_refused_with_the_reason()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var other = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a, other);
        var client = app.NewClient();

        Assert.Equal(HttpStatusCode.Created, (await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13911112222"))).StatusCode);
        var again = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "139 1111 2222", Name: "另一个名字"));
        var otherApplication = await Objections.File(app, client, notice.Id, new(other.Id, Identity: "13911112222"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("您已对该成果提出过异议，请勿重复提交", (await again.Json()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, otherApplication.StatusCode);
        Assert.Equal(1, await app.WithDb((db, _) => db.Objections.CountAsync(o => o.ApplicationId == a.Id)));
    }

    [Fact]
    public async Task An_evidence_file_is_checked_by_content_and_kept_with_the_objection()
    {
        app.Clock.Set(AppFactory.DefaultNow);
        var a = await build.Approved();
        var notice = await build.Notice(new DateOnly(2026, 6, 18), a);
        var client = app.NewClient();
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

        var refused = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13933334444"), file: ("evil.pdf", "MZ\x90\x00 not a pdf"u8.ToArray()));
        var accepted = await Objections.File(app, client, notice.Id, new(a.Id, Identity: "13955556666"), file: ("证明.pdf", pdf));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var files = await app.WithDb((db, _) => db.ObjectionFiles.AsNoTracking().ToListAsync());
        var file = Assert.Single(files, f => f.FileName == "证明.pdf");
        Assert.Equal("application/pdf", file.ContentType);
    }
}
