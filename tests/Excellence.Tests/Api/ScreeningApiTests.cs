using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>条件审查 through /api/v1: the three decisions, the supplement rounds, the refusals, the checklist.</summary>
public class ScreeningApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private DateOnly Today => Shanghai.Today(app.Clock.GetUtcNow());

    internal static Task<HttpResponseMessage> Screen(HttpClient client, Guid id, object body) =>
        client.PostAsJsonAsync($"/api/v1/applications/{id}/screening", body);

    internal static Task<HttpResponseMessage> Answer(HttpClient client, Guid id, Guid requestId, params (Guid Item, string? Text, string? FileName, byte[]? File)[] answers)
    {
        var form = new MultipartFormDataContent();
        foreach (var (item, text, name, bytes) in answers)
        {
            if (text is not null) form.Add(new StringContent(text), $"items[{item}].text");
            if (bytes is not null)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, $"items[{item}].files", name ?? "file.pdf");
            }
        }
        return client.PostAsync($"/api/v1/applications/{id}/supplements/{requestId}", form);
    }

    private async Task<List<string>> AuditActions(Guid applicationId) =>
        await app.WithDb<List<string>>(async (db, _) => await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action.StartsWith("Screening.") || e.Action.StartsWith("Supplement."))
            .Where(e => e.RecordId == applicationId.ToString() || e.After!.Contains(applicationId.ToString()) || e.Before!.Contains(applicationId.ToString()))
            .OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());

    private Task<int> Count<T>(Guid applicationId, Func<IQueryable<T>, IQueryable<T>> filter) where T : class =>
        app.WithDb<int>(async (db, _) => await filter(db.Set<T>()).CountAsync());

    private async Task<(Application App, TestUser Applicant, HttpClient Secretariat, HttpClient Owner, Web.Domain.Organizations.Organization Org)> Setup(string language = "zh-CN")
    {
        var org = await build.Organization();
        var a = await build.InScreening(org);
        var applicant = await build.Applicant(org);
        return (a, applicant, await app.ApiClient(await build.Secretariat(), language), await app.ApiClient(applicant, language), org);
    }

    [Fact]
    public async Task The_secretariat_passes_an_application_with_every_checklist_item_met_and_the_applicant_is_told()
    {
        var (a, applicant, secretariat, _, org) = await Setup();

        var response = await Screen(secretariat, a.Id, new { decision = "Pass", checklist = Build.AllMet(), note = "材料齐全" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("PreliminaryReview", body.GetProperty("stage").GetString());
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.PreliminaryReview, stored.Stage);
        Assert.Equal(4, stored.Version);
        var record = await app.WithDb<ScreeningRecord>(async (db, _) => await db.ScreeningRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == a.Id));
        Assert.Equal(ScreeningDecision.Pass, record.Decision);
        Assert.Equal("材料齐全", record.InternalNote);
        Assert.Equal(DefaultChecklist.For(Category.OrganizationModel).Select(i => i.Code), record.Checklist.Select(c => c.Code));
        Assert.All(record.Checklist, c => Assert.True(c.Met));
        Assert.Equal("申报表填写完整", record.Checklist.Single(c => c.Code == "Complete.Form").Text);
        var change = await app.WithDb<StageChange>(async (db, _) => await db.StageChanges.AsNoTracking().SingleAsync(c => c.ApplicationId == a.Id));
        Assert.Equal((Stage.Screening, Stage.PreliminaryReview, Move.PassScreening), (change.From, change.To, change.Move));
        Assert.Contains("Screening.Passed", await AuditActions(a.Id));
        Assert.Equal($"【条件审查】受理编号 {a.ReceiptNumber}：已通过条件审查", Build.LastMailTo(app, org.ContactEmail).Subject);
        Assert.Contains("已通过条件审查", Build.LastMailTo(app, applicant.Email).TextBody);
    }

    [Fact]
    public async Task A_fail_says_why_to_the_applicant_who_never_sees_the_internal_note_or_the_checklist()
    {
        var (a, _, secretariat, owner, org) = await Setup();

        var response = await Screen(secretariat, a.Id, new
        {
            decision = "Fail", reason = "生产经营不满3年，不符合第五条（一）", note = "内部：已电话核实",
            checklist = new[] { new { code = "Article5.1", met = (bool?)false, note = "成立于2024年" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Stage.ScreeningFailed, (await build.Reload(a.Id))!.Stage);
        var record = await app.WithDb<ScreeningRecord>(async (db, _) => await db.ScreeningRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == a.Id));
        Assert.Equal(FailKind.Conditions, record.FailKind);
        Assert.Equal("成立于2024年", record.Checklist.Single(c => c.Code == "Article5.1").Note);
        Assert.Null(record.Checklist.Single(c => c.Code == "Article5.2").Met);
        Assert.Equal("生产经营不满3年，不符合第五条（一）",
            await app.WithDb<string?>(async (db, _) => await db.StageChanges.Where(c => c.ApplicationId == a.Id).Select(c => c.Reason).SingleAsync()));
        Assert.Contains("Screening.Failed", await AuditActions(a.Id));
        Assert.Contains("生产经营不满3年", Build.LastMailTo(app, org.ContactEmail).TextBody);

        var seen = await (await owner.GetAsync($"/api/v1/applications/{a.Id}/screening")).Json();
        var r = seen.GetProperty("records")[0];
        Assert.Equal("Fail", r.GetProperty("decision").GetString());
        Assert.Equal("生产经营不满3年，不符合第五条（一）", r.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("internalNote").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("checklist").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("checklist").ValueKind);
        Assert.DoesNotContain("已电话核实", seen.GetRawText());
        var staff = await (await secretariat.GetAsync($"/api/v1/applications/{a.Id}/screening")).Json();
        Assert.Equal("内部：已电话核实", staff.GetProperty("records")[0].GetProperty("internalNote").GetString());
    }

    [Fact]
    public async Task A_veto_found_at_screening_is_a_fail_of_kind_veto_with_its_written_reason()
    {
        var (a, _, secretariat, _, _) = await Setup("en");

        var missing = await Screen(secretariat, a.Id, new { decision = "Fail", failKind = "Veto", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("A veto needs a written reason", (await missing.Json()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var response = await Screen(secretariat, a.Id, new { decision = "Fail", failKind = "Veto", reason = "近三年发生重大质量事故（一票否决）" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await app.WithDb<ScreeningRecord>(async (db, _) => await db.ScreeningRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == a.Id));
        Assert.Equal((ScreeningDecision.Fail, FailKind.Veto), (record.Decision, record.FailKind));
        Assert.Equal(Stage.ScreeningFailed, (await build.Reload(a.Id))!.Stage);
        Assert.Contains("Screening.Vetoed", await AuditActions(a.Id));
    }

    [Fact]
    public async Task A_supplement_request_lists_its_items_and_due_date_mails_the_applicant_and_shows_on_the_application()
    {
        var (a, applicant, secretariat, owner, org) = await Setup();
        var due = Today.AddDays(7);

        var response = await Screen(secretariat, a.Id, new
        {
            decision = "RequestSupplement", reason = "请于截止日前补齐", dueDate = due.ToString("yyyy-MM-dd"), note = "内部备注",
            items = new[] { "近两年质量提升活动的证明材料", " ", "社会责任报告或ESG信息披露" }, checklist = Build.AllMet(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = (await response.Json()).GetProperty("supplementRequestId").GetGuid();
        Assert.Equal(Stage.AwaitingSupplement, (await build.Reload(a.Id))!.Stage);
        var request = await app.WithDb<SupplementRequest>(async (db, _) => await db.SupplementRequests.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.ApplicationId == a.Id));
        Assert.Equal(requestId, request.Id);
        Assert.Equal((1, due, false), (request.RoundNumber, request.DueOn, request.IsLate));
        Assert.Null(request.AnsweredAt);
        Assert.Equal(["近两年质量提升活动的证明材料", "社会责任报告或ESG信息披露"], request.Items.OrderBy(i => i.Order).Select(i => i.Text));
        Assert.Contains("Screening.SupplementRequested", await AuditActions(a.Id));
        var mail = Build.LastMailTo(app, applicant.Email);
        Assert.Equal($"【补充材料】受理编号 {a.ReceiptNumber}：请按期补充申报材料", mail.Subject);
        Assert.Contains($"请在 {due.Year}年{due.Month}月{due.Day}日前逐项答复", mail.TextBody);
        Assert.Contains("1. 近两年质量提升活动的证明材料\n2. 社会责任报告或ESG信息披露", mail.TextBody.Replace("\r\n", "\n"));
        Assert.Contains($"/Organization/Applications/{a.Id}/Supplement/{requestId}", mail.TextBody);
        Assert.Equal(mail.Subject, Build.LastMailTo(app, org.ContactEmail).Subject);

        var seen = await (await owner.GetAsync($"/api/v1/applications/{a.Id}/screening")).Json();
        var r = seen.GetProperty("requests")[0];
        Assert.Equal(due.ToString("yyyy-MM-dd"), r.GetProperty("dueOn").GetString());
        Assert.Equal("请于截止日前补齐", r.GetProperty("message").GetString());
        Assert.True(r.GetProperty("isOpen").GetBoolean());
        Assert.Equal(2, r.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain("内部备注", seen.GetRawText());

        var pages = await app.SignedIn(applicant);
        var html = await pages.Html($"/Organization/Applications/{a.Id}");
        Assert.Contains($"请在 {due.Month}月{due.Day}日前补充材料", html);
        Assert.Contains("社会责任报告或ESG信息披露", html);
    }

    [Fact]
    public async Task Refusals_change_nothing_missing_fields_are_explained_in_chinese_and_english()
    {
        var (a, applicant, secretariat, owner, _) = await Setup();
        var english = await app.ApiClient(await build.Secretariat(), "en");

        Assert.Equal(HttpStatusCode.Forbidden, (await Screen(owner, a.Id, new { decision = "Pass", checklist = Build.AllMet() })).StatusCode);
        var recommender = await app.ApiClient(await build.RecommenderUser());
        Assert.Equal(HttpStatusCode.Forbidden, (await Screen(recommender, a.Id, new { decision = "Pass", checklist = Build.AllMet() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Screen(secretariat, Guid.NewGuid(), new { decision = "Pass", checklist = Build.AllMet() })).StatusCode);

        var zh = await Screen(secretariat, a.Id, new { decision = "Fail" });
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Equal("不通过时请填写申报单位可见的原因", (await zh.Json()).GetProperty("errors").GetProperty("reason")[0].GetString());
        var en = await Screen(english, a.Id, new { decision = "Fail" });
        Assert.Equal("Give the reason the applicant will see", (await en.Json()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var noDue = await Screen(english, a.Id, new { decision = "RequestSupplement", items = Array.Empty<string>() });
        var errors = (await noDue.Json()).GetProperty("errors");
        Assert.Equal("Give the due date for the supplement", errors.GetProperty("dueDate")[0].GetString());
        Assert.Equal("List each item to supply or explain", errors.GetProperty("items")[0].GetString());
        var past = await Screen(secretariat, a.Id, new { decision = "RequestSupplement", items = new[] { "x" }, dueDate = Today.ToString("yyyy-MM-dd") });
        Assert.Equal("截止日期须晚于今天", (await past.Json()).GetProperty("errors").GetProperty("dueDate")[0].GetString());
        var unmet = await Screen(english, a.Id, new { decision = "Pass", checklist = new[] { new { code = "Article5.1", met = true } } });
        Assert.Equal("Every checklist item must be met to pass screening", (await unmet.Json()).GetProperty("errors").GetProperty("checklist")[0].GetString());
        var unknown = await Screen(english, a.Id, new { decision = "Pass", checklist = new[] { new { code = "Nope", met = true } } });
        Assert.Equal("The checklist has no item 'Nope'", (await unknown.Json()).GetProperty("errors").GetProperty("checklist")[0].GetString());
        var noDecision = await Screen(english, a.Id, new { reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);

        var stored = (await build.Reload(a.Id))!;
        Assert.Equal((Stage.Screening, 3), (stored.Stage, stored.Version));
        Assert.Equal(0, await Count<ScreeningRecord>(a.Id, q => q.Where(r => r.ApplicationId == a.Id)));
        Assert.Equal(0, await Count<SupplementRequest>(a.Id, q => q.Where(r => r.ApplicationId == a.Id)));
        Assert.Equal(0, await Count<StageChange>(a.Id, q => q.Where(r => r.ApplicationId == a.Id)));
        Assert.Empty(await AuditActions(a.Id));
        Assert.DoesNotContain(Build.Mails(app), m => m.To.Mailboxes.Any(b => b.Address == applicant.Email));

        var draft = await build.Application(await build.Organization(), await build.Recommender());
        var wrongStage = await Screen(english, draft.Id, new { decision = "Pass", checklist = Build.AllMet() });
        Assert.Equal(HttpStatusCode.Conflict, wrongStage.StatusCode);
        var problem = await wrongStage.Json();
        Assert.Equal("Screening.NotInScreening", problem.GetProperty("code").GetString());
        Assert.Equal("This application is not in screening", problem.GetProperty("title").GetString());
        Assert.Equal(Stage.Draft, (await build.Reload(draft.Id))!.Stage);
    }

    [Fact]
    public async Task The_applicant_answers_with_text_and_a_file_then_a_second_round_is_asked_and_the_application_passes()
    {
        var (a, applicant, secretariat, owner, _) = await Setup();
        var first = await Screen(secretariat, a.Id, new { decision = "RequestSupplement", dueDate = Today.AddDays(5).ToString("yyyy-MM-dd"), items = new[] { "营业执照复印件", "说明近两年质量提升活动" } });
        var requestId = (await first.Json()).GetProperty("supplementRequestId").GetGuid();
        var items = await app.WithDb<List<Guid>>(async (db, _) => await db.SupplementItems.Where(i => i.RequestId == requestId).OrderBy(i => i.Order).Select(i => i.Id).ToListAsync());

        var incomplete = await Answer(owner, a.Id, requestId, (items[0], "见附件", null, null));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("第 2 项尚未答复：请填写说明或上传文件", (await incomplete.Json()).GetProperty("errors").GetProperty($"items[{items[1]}]")[0].GetString());

        var answered = await Answer(owner, a.Id, requestId, (items[0], null, "执照.pdf", Pdf), (items[1], "2025年参加区质量提升行动。", null, null));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var result = await answered.Json();
        Assert.False(result.GetProperty("late").GetBoolean());
        Assert.Equal("Screening", result.GetProperty("stage").GetString());
        var request = await app.WithDb<SupplementRequest>(async (db, _) => await db.SupplementRequests.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == requestId));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, request.AnsweredAt);
        Assert.Equal(applicant.Id, request.AnsweredBy);
        Assert.Equal("2025年参加区质量提升行动。", request.Items.Single(i => i.Id == items[1]).Answer);
        var file = await app.WithDb<SupplementFile>(async (db, _) => await db.SupplementFiles.AsNoTracking().SingleAsync(f => f.RequestId == requestId));
        Assert.Equal(("执照.pdf", "application/pdf", (long)Pdf.Length, items[0]), (file.FileName, file.ContentType, file.Size, file.ItemId));
        Assert.Contains("Supplement.Answered", await AuditActions(a.Id));

        var download = await secretariat.GetAsync($"/api/v1/applications/{a.Id}/supplements/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var again = await Answer(owner, a.Id, requestId, (items[0], "再次答复", null, null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var second = await Screen(secretariat, a.Id, new { decision = "RequestSupplement", dueDate = Today.AddDays(3).ToString("yyyy-MM-dd"), items = new[] { "执照不清晰，请重新上传" } });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var secondId = (await second.Json()).GetProperty("supplementRequestId").GetGuid();
        Assert.Equal(2, await app.WithDb<int>(async (db, _) => await db.SupplementRequests.Where(r => r.Id == secondId).Select(r => r.RoundNumber).SingleAsync()));
        var secondItem = await app.WithDb<Guid>(async (db, _) => await db.SupplementItems.Where(i => i.RequestId == secondId).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Answer(owner, a.Id, secondId, (secondItem, null, "执照2.pdf", Pdf))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Screen(secretariat, a.Id, new { decision = "Pass", checklist = Build.AllMet() })).StatusCode);
        var view = await (await secretariat.GetAsync($"/api/v1/applications/{a.Id}/screening")).Json();
        Assert.Equal(2, view.GetProperty("requests").GetArrayLength());
        Assert.Equal(["RequestSupplement", "RequestSupplement", "Pass"], view.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("decision").GetString()));
        Assert.Equal([Move.RequestSupplement, Move.AnswerSupplement, Move.RequestSupplement, Move.AnswerSupplement, Move.PassScreening],
            await app.WithDb<List<Move>>(async (db, _) => await db.StageChanges.Where(c => c.ApplicationId == a.Id).OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.Move).ToListAsync()));
    }

    [Fact]
    public async Task Another_organisation_cannot_answer_read_or_download_and_a_hostile_file_is_refused_with_nothing_kept()
    {
        var (a, _, secretariat, owner, _) = await Setup("en");
        var response = await Screen(secretariat, a.Id, new { decision = "RequestSupplement", dueDate = Today.AddDays(5).ToString("yyyy-MM-dd"), items = new[] { "营业执照" } });
        var requestId = (await response.Json()).GetProperty("supplementRequestId").GetGuid();
        var item = await app.WithDb<Guid>(async (db, _) => await db.SupplementItems.Where(i => i.RequestId == requestId).Select(i => i.Id).SingleAsync());

        var stranger = await app.ApiClient(await build.Applicant(await build.Organization()));
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(stranger, a.Id, requestId, (item, "我们来答", null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/screening")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(owner, a.Id, Guid.NewGuid(), (item, "x", null, null))).StatusCode);

        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");
        var hostile = await Answer(owner, a.Id, requestId, (item, "见附件", "执照.pdf", html));
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Equal("Only PDF, DOCX, XLSX, JPG and PNG files are accepted (recognised by content, not by name)",
            (await hostile.Json()).GetProperty("errors").GetProperty($"items[{item}]")[0].GetString());
        var polyglot = await Answer(owner, a.Id, requestId, (item, null, "x.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes("<html><body><script>alert(1)</script></body></html>")]));
        Assert.Equal(HttpStatusCode.BadRequest, polyglot.StatusCode);

        Assert.Equal(Stage.AwaitingSupplement, (await build.Reload(a.Id))!.Stage);
        Assert.Equal(0, await Count<SupplementFile>(a.Id, q => q.Where(f => f.ApplicationId == a.Id)));
        Assert.Null(await app.WithDb<DateTime?>(async (db, _) => await db.SupplementRequests.Where(r => r.Id == requestId).Select(r => r.AnsweredAt).SingleAsync()));
        Assert.DoesNotContain("Supplement.Answered", await AuditActions(a.Id));
        var incoming = Path.Combine(app.DataDirectory, "evidence", "incoming");
        Assert.True(!Directory.Exists(incoming) || Directory.GetFiles(incoming).Length == 0);

        Assert.Equal(HttpStatusCode.OK, (await Answer(owner, a.Id, requestId, (item, null, "执照.pdf", Pdf))).StatusCode);
        var fileId = await app.WithDb<Guid>(async (db, _) => await db.SupplementFiles.Where(f => f.ApplicationId == a.Id).Select(f => f.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/supplements/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/applications/{a.Id}/supplements/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_edits_a_years_checklist_with_if_match_and_decisions_save_the_items_as_worded()
    {
        await build.OpenRound();
        var secretariat = await app.ApiClient(await build.Secretariat(), "en");
        var url = "/api/v1/rounds/2026/screening-checklist?category=SinglePractice";

        var current = await secretariat.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"0\"", current.Headers.ETag!.ToString());
        var body = await current.Json();
        Assert.True(body.GetProperty("isDefault").GetBoolean());
        Assert.Equal(9, body.GetProperty("items").GetArrayLength());

        var items = new object[] { new { code = "Article5.1", text = "在本市登记注册，生产经营3年以上（以营业执照为准）" }, new { code = (string?)null, text = "提供近三年审计报告" }, new { code = "Complete.Form", text = "" } };
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { items }) };
        Assert.Equal((HttpStatusCode)428, (await secretariat.SendAsync(put)).StatusCode);
        put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { items }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var saved = await secretariat.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.ToString());
        var stored = await app.WithDb<ScreeningChecklist>(async (db, _) => await db.ScreeningChecklists.AsNoTracking().SingleAsync(c => c.Year == 2026 && c.Category == Category.SinglePractice));
        Assert.Equal([new ChecklistItem("Article5.1", "在本市登记注册，生产经营3年以上（以营业执照为准）"), new ChecklistItem("Item.1", "提供近三年审计报告")], stored.Items);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Screening.ChecklistSaved")));

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { items }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await secretariat.SendAsync(stale)).StatusCode);
        var empty = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { items = Array.Empty<object>() }) };
        empty.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var emptied = await secretariat.SendAsync(empty);
        Assert.Equal(HttpStatusCode.BadRequest, emptied.StatusCode);
        Assert.Equal("The checklist needs at least one item", (await emptied.Json()).GetProperty("errors").GetProperty("items")[0].GetString());

        var org = await build.Organization();
        var a = await build.InScreening(org, category: Category.SinglePractice);
        var passed = await Screen(secretariat, a.Id, new { decision = "Pass", checklist = new[] { new { code = "Article5.1", met = true }, new { code = "Item.1", met = true } } });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var record = await app.WithDb<ScreeningRecord>(async (db, _) => await db.ScreeningRecords.AsNoTracking().SingleAsync(r => r.ApplicationId == a.Id));
        Assert.Equal("提供近三年审计报告", record.Checklist.Single(c => c.Code == "Item.1").Text);

        var applicant = await app.ApiClient(await build.Applicant(org));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(url)).StatusCode);
    }
}

/// <summary>Lateness needs its own clock: the answer comes days after the due date.</summary>
public class SupplementLatenessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task An_answer_after_the_due_date_is_accepted_and_marked_late_and_the_queue_showed_it_overdue()
    {
        var org = await build.Organization();
        var a = await build.InScreening(org);
        var staff = await build.Secretariat();
        var applicant = await build.Applicant(org);
        var secretariat = await app.ApiClient(staff);
        var today = Shanghai.Today(app.Clock.GetUtcNow());
        var response = await ScreeningApiTests.Screen(secretariat, a.Id, new { decision = "RequestSupplement", dueDate = today.AddDays(1).ToString("yyyy-MM-dd"), items = new[] { "营业执照" } });
        var requestId = (await response.Json()).GetProperty("supplementRequestId").GetGuid();
        var item = await app.WithDb<Guid>(async (db, _) => await db.SupplementItems.Where(i => i.RequestId == requestId).Select(i => i.Id).SingleAsync());

        app.Clock.Advance(TimeSpan.FromDays(3));
        // Bearer tokens follow the clock: sign in again three days later.
        secretariat = await app.ApiClient(staff);
        var owner = await app.ApiClient(applicant);
        var view = await (await secretariat.GetAsync($"/api/v1/applications/{a.Id}/screening")).Json();
        Assert.True(view.GetProperty("requests")[0].GetProperty("isOverdue").GetBoolean());
        Assert.Equal(2, view.GetProperty("requests")[0].GetProperty("daysLate").GetInt32());

        var answered = await ScreeningApiTests.Answer(owner, a.Id, requestId, (item, "迟交，见附件", "执照.pdf", ScreeningApiTests.Pdf));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var result = await answered.Json();
        Assert.True(result.GetProperty("late").GetBoolean());
        Assert.Equal(2, result.GetProperty("daysLate").GetInt32());
        var request = await app.WithDb<SupplementRequest>(async (db, _) => await db.SupplementRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.True(request.IsLate);
        Assert.Equal(Stage.Screening, (await build.Reload(a.Id))!.Stage);
        Assert.Equal("late by 2 day(s)", await app.WithDb<string?>(async (db, _) => await db.AuditEvents.Where(e => e.Action == "Supplement.Answered").Select(e => e.Reason).FirstAsync()));
    }
}
