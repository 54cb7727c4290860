using System.Diagnostics;
using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class DiagnosisPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_public_entry_explains_the_free_service_to_anyone()
    {
        var html = await app.NewClient().Html("/diagnosis");
        Assert.Contains("快速通道—质量诊断", html);
        Assert.Contains("登录后开始诊断", html);
        Assert.Contains("href=\"/Account/Register\"", html);
    }

    [Fact]
    public async Task An_applicant_starts_answers_as_they_go_and_submits_through_the_pages()
    {
        var user = await build.Applicant();
        var client = await app.SignedIn(user);
        var start = await client.PostForm("/diagnosis", new { }, "/diagnosis?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var path = start.Headers.Location!.OriginalString;
        var html = await client.Html(path);
        Assert.Contains("已答 0 / 40", html);

        var saved = await client.PostForm(path, new { code = "1.1", value = "D", version = "0" }, path + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var json = await saved.Json();
        Assert.Equal(1, json.GetProperty("answered").GetInt32());
        Assert.Equal("10:00:00", json.GetProperty("savedAt").GetString());

        var fields = Build.DiagnosisAnswers("C").Select(a => new KeyValuePair<string, string>($"Answers[{a.Key}]", a.Value))
            .Append(new("Version", "1")).Append(new("submit", "1")).Append(new("Truthfulness", "true"));
        var submitted = await client.PostForm(path, fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var report = await client.Html(submitted.Headers.Location!.OriginalString);
        Assert.Contains("自评未核实", report);
        Assert.Contains("id=\"diagnosis-radar\"", report);
        Assert.Contains("L2 推进级", report);
    }

    [Fact]
    public async Task Submitting_without_the_statement_of_truthfulness_is_refused_and_nothing_changes()
    {
        var client = await app.SignedIn(await build.Applicant());
        var path = (await client.PostForm("/diagnosis", new { }, "/diagnosis?handler=Start")).Headers.Location!.OriginalString;
        var fields = Build.DiagnosisAnswers("C").Select(a => new KeyValuePair<string, string>($"Answers[{a.Key}]", a.Value))
            .Append(new("Version", "0")).Append(new("submit", "1"));
        var response = await client.PostForm(path, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("提交前请确认真实性承诺", await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(path.Split('/')[^1]);
        await app.WithDb(async db => Assert.Equal(DiagnosisStatus.Draft, (await db.Diagnoses.SingleAsync(d => d.Id == id)).Status));
    }

    [Fact]
    public async Task Another_organisations_questionnaire_report_and_pdf_are_not_found()
    {
        var org = await build.Organization();
        var draftOwner = await app.SignedIn(await build.Applicant(org));
        var draftPath = (await draftOwner.PostForm("/diagnosis", new { }, "/diagnosis?handler=Start")).Headers.Location!.OriginalString;
        var submitted = await build.SubmittedDiagnosis(await build.Organization());
        var other = await app.SignedIn(await build.Applicant());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(draftPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Organization/Diagnosis/Report/{submitted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Organization/Diagnosis/Report/{submitted.Id}?handler=Pdf")).StatusCode);
        var save = await other.PostForm("/diagnosis", new { code = "1.1", value = "E", version = "0" }, draftPath + "?handler=Save");
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        var id = Guid.Parse(draftPath.Split('/')[^1]);
        await app.WithDb(async db => Assert.Empty((await db.Diagnoses.SingleAsync(d => d.Id == id)).Answers));
    }

    [Fact]
    public async Task The_secretariat_cannot_read_an_organisations_report()
    {
        var submitted = await build.SubmittedDiagnosis(await build.Organization());
        var client = await app.SignedIn(await build.Secretariat());
        var response = await client.GetAsync($"/Organization/Diagnosis/Report/{submitted.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Publishing_a_new_version_changes_no_old_score()
    {
        var org = await build.Organization();
        var user = await build.Applicant(org);
        var old = await build.SubmittedDiagnosis(org, Build.DiagnosisAnswers("D"));
        await app.WithDb(async db =>
        {
            var v1 = await db.IndicatorSystems.SingleAsync(s => s.Number == 1);
            var max = await db.IndicatorSystems.MaxAsync(s => s.Number);
            var next = v1.NewDraft(max + 1, app.Clock.GetUtcNow().UtcDateTime);
            next.Definition.Dimensions[0].Weight = 20;
            next.Definition.Dimensions[7].Weight = 6;
            next.Definition.Dimensions[0].NameZh = "战略与领导力（新）";
            Assert.Empty(next.Publish(app.Clock.GetUtcNow().UtcDateTime));
            db.IndicatorSystems.Add(next);
            await db.SaveChangesAsync();
        });
        var html = await (await app.SignedIn(user)).Html($"/Organization/Diagnosis/Report/{old.Id}");
        Assert.Contains("id=\"diagnosis-total\">75.3<", html);
        Assert.Contains("指标体系版本 v1", html);
        Assert.DoesNotContain("战略与领导力（新）", html);
        await app.WithDb(async db =>
        {
            var stored = await db.Diagnoses.SingleAsync(d => d.Id == old.Id);
            Assert.Equal(75.3, stored.Total);
            Assert.Equal(12m, (await db.IndicatorSystems.SingleAsync(s => s.Id == stored.IndicatorSystemId)).Definition.Dimensions[0].Weight);
        });
    }

    [Fact]
    public async Task The_pdf_reads_back_with_the_chinese_title_and_level()
    {
        var org = await build.Organization();
        var d = await build.SubmittedDiagnosis(org, Build.DiagnosisAnswers("C"));
        var client = await app.SignedIn(await build.Applicant(org));
        var response = await client.GetAsync($"/Organization/Diagnosis/Report/{d.Id}?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var file = Path.Combine(app.DataDirectory, $"report-{d.Id}.pdf");
        Directory.CreateDirectory(app.DataDirectory);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        var text = await PdfText(file);
        Assert.Contains("企业高质量发展诊断", Normalise(text));
        Assert.Contains("L2 推进级", Normalise(text));
        Assert.Contains("自评未核实", Normalise(text));
    }

    /// <summary>pdftotext maps some CJK glyphs to their compatibility radicals (⾼ for 高); fold them back.</summary>
    private static string Normalise(string text) => text.Normalize(System.Text.NormalizationForm.FormKC);

    private static async Task<string> PdfText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    [Fact]
    public async Task Without_the_font_the_pdf_is_refused_with_a_clear_message()
    {
        var catalog = app.Services.GetService(typeof(Excellence.Web.Infrastructure.Localization.StringCatalog)) as Excellence.Web.Infrastructure.Localization.StringCatalog;
        var pdf = new Excellence.Web.Infrastructure.Documents.DiagnosisPdf(catalog!, "/nonexistent/font.ttc");
        var system = DefaultIndicatorSystem.Create();
        var result = Scoring.Score(system, Build.DiagnosisAnswers());
        var report = new Excellence.Web.Features.Diagnosis.GetReport.Report(Guid.NewGuid(), "x", 1, DateTime.UnixEpoch, system, result, [], null, null, null,
            new Dictionary<string, string>());
        Assert.Null(pdf.Render(report, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("服务器缺少中文字体（Noto Sans CJK），暂时无法生成 PDF，请联系秘书处。",
            catalog!.Text("Documents.FontMissing", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }
}
