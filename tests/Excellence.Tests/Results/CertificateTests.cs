using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Api;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Results;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Results;

/// <summary>The applicant's result and feedback, certificates (PDF with QR, bulk zip), verification and revocation.</summary>
public class CertificateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private async Task<Certificate> CertificateOf(Guid applicationId) =>
        await app.WithDb<Certificate>(async (db, _) => await db.Certificates.AsNoTracking().SingleAsync(c => c.ApplicationId == applicationId));

    private async Task Publish(int year)
    {
        var secretariat = await app.ApiClient(await build.Secretariat());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/rounds/{year}/publication", null)).StatusCode);
    }

    [Fact]
    public async Task The_result_is_hidden_until_publication_then_shows_level_block_scores_and_anonymous_feedback()
    {
        var year = await build.ResultYear();
        var org = await build.Organization();
        var a = await build.NoticeApplication(org, year, Level.Excellent);
        await build.SubmittedReview(a, "欧阳评审", 80, "战略部署清晰，方法系统。", "结果的对比数据不足。");
        await build.SubmittedReview(a, "司马专家", 60, "全员参与程度高。", "创新点提炼不够。");
        await build.SubmittedReview(a, "诸葛草稿", 10, "草稿里的优势", "草稿里的改进", ReviewStatus.Draft);
        var applicant = await build.Applicant(org);
        var page = await app.SignedIn(applicant);
        var api = await app.ApiClient(applicant);

        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Organization/Applications/{a.Id}/Result")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/applications/{a.Id}/result")).StatusCode);

        await Publish(year);

        var response = await page.GetAsync($"/Organization/Applications/{a.Id}/Result");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("优秀级", html);
        Assert.Contains("专家一", html);
        Assert.Contains("专家二", html);
        Assert.Contains("战略部署清晰，方法系统。", html);
        Assert.Contains("创新点提炼不够。", html);
        Assert.Contains("运行", html);
        Assert.Contains("24.5", html); // 运行 35 × mean(80 %, 60 %)
        foreach (var name in new[] { "欧阳评审", "司马专家", "诸葛草稿", "草稿里的优势" }) Assert.DoesNotContain(name, html);
        Assert.Contains((await CertificateOf(a.Id)).Number, html);

        var json = await (await api.GetAsync($"/api/v1/applications/{a.Id}/result")).Json();
        Assert.Equal("Excellent", json.GetProperty("level").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().Select(b =>
            (b.GetProperty("block").GetString(), b.GetProperty("points").GetDecimal(), b.GetProperty("max").GetDecimal(), b.GetProperty("percent").GetDecimal())).ToList();
        Assert.Equal([("1", 14.0m, 20m, 70.0m), ("2", 24.5m, 35m, 70.0m), ("3", 21.0m, 30m, 70.0m), ("4", 10.5m, 15m, 70.0m)], blocks);
        var feedback = json.GetProperty("feedback").EnumerateArray().ToList();
        Assert.Equal([1, 2], feedback.Select(f => f.GetProperty("expert").GetInt32()));
        var text = json.GetRawText();
        foreach (var name in new[] { "欧阳评审", "司马专家", "expertId", "ExpertId" }) Assert.DoesNotContain(name, text);

        // Another organisation does not learn the result exists.
        var stranger = await app.ApiClient(await build.Applicant());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/result")).StatusCode);
    }

    [Fact]
    public async Task A_not_approved_applicant_gets_its_feedback_at_publication()
    {
        var year = await build.ResultYear();
        var org = await build.Organization();
        var a = await build.NoticeApplication(org, year, null, stage: Stage.NotApproved);
        await build.NoticeApplication(await build.Organization(), year, Level.Advancing);
        await build.SubmittedReview(a, "上官专家", 40, "有一定基础。", "需加强过程测量。");
        var page = await app.SignedIn(await build.Applicant(org));
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Organization/Applications/{a.Id}/Result")).StatusCode);

        await Publish(year);

        var html = await (await page.GetAsync($"/Organization/Applications/{a.Id}/Result")).Content.ReadAsStringAsync();
        Assert.Contains("未获认定", html);
        Assert.Contains("需加强过程测量。", html);
        Assert.DoesNotContain("上官专家", html);
        Assert.DoesNotContain("下载证书", html);
    }

    [Fact]
    public async Task The_certificate_pdf_names_category_level_and_organisation_and_its_qr_opens_the_verification_address()
    {
        var year = await build.ResultYear();
        var org = await build.Organization(o => o.Name = "上海卓越示范电子有限公司");
        var a = await build.NoticeApplication(org, year, Level.Benchmark, title: "数字化全面质量管理模式");
        await Publish(year);
        var certificate = await CertificateOf(a.Id);
        var owner = await app.ApiClient(await build.Applicant(org));

        var response = await owner.GetAsync($"/api/v1/certificates/{certificate.Number}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = (await ApplicationFormTests.PdfText(pdf)).Replace(" ", "").Replace("\n", "");
        Assert.Contains("卓越质量管理模式（组织）".Normalize(System.Text.NormalizationForm.FormKC), text);
        Assert.Contains("标杆级", text);
        Assert.Contains("上海卓越示范电子有限公司", text);
        Assert.Contains(certificate.Number, text);
        Assert.Contains("上海市质量协会", text);
        Assert.Contains($"{year}年度", text);

        var page = await ResultSupport.RenderPng(pdf, 100);
        await File.WriteAllBytesAsync(Path.Combine(ResultSupport.ArtifactsDirectory(), "certificate.png"), page);
        var qrArea = CertificatePdf.QrArea;
        var qr = await ResultSupport.RenderPng(pdf, 200, SkiaSharp.SKRect.Inflate(qrArea, 8, 8));
        Assert.Equal($"https://excellence.test/verify/{certificate.Code}", ResultSupport.DecodeQr(qr));

        // The secretariat may download it; another organisation and strangers may not learn it exists.
        var secretariat = await app.ApiClient(await build.Secretariat());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/v1/certificates/{certificate.Number}.pdf")).StatusCode);
        var other = await app.ApiClient(await build.Applicant());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/certificates/{certificate.Number}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync($"/api/v1/certificates/{certificate.Number}.pdf")).StatusCode);
    }

    [Fact]
    public async Task An_individual_certificate_names_the_nominee_and_the_employer()
    {
        var year = await build.ResultYear();
        var org = await build.Organization(o => o.Name = "上海精工仪表有限公司");
        var a = await build.NoticeApplication(org, year, Level.Excellent, Category.IndividualExperience, nominee: "王质量");
        await Publish(year);
        var certificate = await CertificateOf(a.Id);
        Assert.Equal($"SHQA-{year}-IE-001", certificate.Number);
        var pdf = await (await (await app.ApiClient(await build.Applicant(org))).GetAsync($"/api/v1/certificates/{certificate.Number}.pdf")).Content.ReadAsByteArrayAsync();
        var text = (await ApplicationFormTests.PdfText(pdf)).Replace(" ", "").Replace("\n", "");
        Assert.Contains("王质量（上海精工仪表有限公司）".Normalize(System.Text.NormalizationForm.FormKC), text);
        Assert.Contains("卓越管理创新经验（个人）".Normalize(System.Text.NormalizationForm.FormKC), text);
    }

    [Fact]
    public async Task Verification_says_genuine_then_revoked_and_a_miss_reveals_nothing()
    {
        var year = await build.ResultYear();
        var org = await build.Organization(o => o.Name = "上海可验证物流有限公司");
        var a = await build.NoticeApplication(org, year, Level.Advancing, consent: false);
        await Publish(year);
        var certificate = await CertificateOf(a.Id);
        var anonymous = app.NewClient();

        var genuine = await anonymous.GetAsync($"/api/v1/certificates/verify/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        var json = await genuine.Json();
        Assert.Equal("Genuine", json.GetProperty("status").GetString());
        Assert.Equal(certificate.Number, json.GetProperty("number").GetString());
        Assert.Equal("Advancing", json.GetProperty("level").GetString());
        Assert.Equal("上海可验证物流有限公司", json.GetProperty("holder").GetString());
        var genuinePage = await (await anonymous.GetAsync($"/verify/{certificate.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("真实有效", genuinePage);
        Assert.Contains(certificate.Number, genuinePage);

        // Any miss — unknown, a near miss, malformed — is the same answer.
        var near = certificate.Code[..31] + (certificate.Code[31] == 'A' ? "B" : "A");
        var misses = new List<(HttpStatusCode, string)>();
        foreach (var code in new[] { near, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-code" })
        {
            var miss = await anonymous.GetAsync($"/api/v1/certificates/verify/{code}");
            misses.Add((miss.StatusCode, await miss.Content.ReadAsStringAsync()));
        }
        Assert.All(misses, m => Assert.Equal(HttpStatusCode.NotFound, m.Item1));
        Assert.Single(misses.Select(m => System.Text.RegularExpressions.Regex.Replace(m.Item2, "\"traceId\":\"[^\"]*\"", "")).Distinct());
        var missPage = await anonymous.GetAsync($"/verify/{near}");
        Assert.Equal(HttpStatusCode.NotFound, missPage.StatusCode);
        var missHtml = await missPage.Content.ReadAsStringAsync();
        Assert.Contains("未查询到", missHtml);
        Assert.DoesNotContain(certificate.Number, missHtml);

        // Revocation needs If-Match and a reason; then verification says revoked and the owner no longer gets the PDF.
        var secretariat = await app.ApiClient(await build.Secretariat());
        var noIfMatch = await secretariat.PostAsJsonAsync($"/api/v1/certificates/{certificate.Number}/revocation", new { reason = "异议成立" });
        Assert.Equal((HttpStatusCode)428, noIfMatch.StatusCode);
        var noReason = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/certificates/{certificate.Number}/revocation") { Content = JsonContent.Create(new { reason = " " }) };
        noReason.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.SendAsync(noReason)).StatusCode);
        Assert.Null((await CertificateOf(a.Id)).RevokedAt);
        var revoke = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/certificates/{certificate.Number}/revocation") { Content = JsonContent.Create(new { reason = "异议成立，撤销认定" }) };
        revoke.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var revoked = await secretariat.SendAsync(revoke);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var after = await (await anonymous.GetAsync($"/api/v1/certificates/verify/{certificate.Code}")).Json();
        Assert.Equal("Revoked", after.GetProperty("status").GetString());
        Assert.Equal("2026-06-18", after.GetProperty("revokedOn").GetString());
        Assert.DoesNotContain("异议成立", after.GetRawText());
        Assert.Contains("已于 2026-06-18 撤销", await (await anonymous.GetAsync($"/verify/{certificate.Code}")).Content.ReadAsStringAsync());
        var owner = await app.ApiClient(await build.Applicant(org));
        var refused = await owner.GetAsync($"/api/v1/certificates/{certificate.Number}.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Results.CertificateRevoked", (await refused.Json()).GetProperty("code").GetString());
        Assert.Equal(0, (await (await anonymous.GetAsync($"/api/v1/results?year={year}")).Json()).GetProperty("total").GetInt32());
        await app.WithDb(async db =>
        {
            var stored = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            Assert.Equal("异议成立，撤销认定", stored.RevocationReason);
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "Certificate.Revoked" && e.RecordId == certificate.Id.ToString() && e.Reason == "异议成立，撤销认定"));
        });
    }

    [Fact]
    public async Task The_secretariat_downloads_a_years_certificates_as_one_zip_and_no_one_else_can()
    {
        var year = await build.ResultYear();
        var org = await build.Organization();
        await build.NoticeApplication(org, year, Level.Benchmark);
        await build.NoticeApplication(await build.Organization(), year, Level.Excellent);
        await build.NoticeApplication(await build.Organization(), year, Level.Excellent, Category.SinglePractice);
        await build.NoticeApplication(await build.Organization(), year, null);
        await Publish(year);

        var secretariat = await app.ApiClient(await build.Secretariat());
        var response = await secretariat.GetAsync($"/api/v1/results/{year}/certificates.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([$"SHQA-{year}-OM-001.pdf", $"SHQA-{year}-OM-002.pdf", $"SHQA-{year}-SP-001.pdf"], zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            var head = new byte[5];
            s.ReadExactly(head);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }
        var applicant = await app.ApiClient(await build.Applicant(org));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/v1/results/{year}/certificates.zip")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_publishes_and_revokes_through_its_page()
    {
        var year = await build.ResultYear();
        var a = await build.NoticeApplication(await build.Organization(), year, Level.Excellent);
        var client = await app.SignedIn(await build.Secretariat());
        var page = await client.GetAsync($"/Secretariat/Results?year={year}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var published = await client.PostForm($"/Secretariat/Results?year={year}", new { }, $"/Secretariat/Results?year={year}&handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var certificate = await CertificateOf(a.Id);
        Assert.Contains(certificate.Number, await client.Html($"/Secretariat/Results?year={year}"));

        var empty = await client.PostForm($"/Secretariat/Results?year={year}", new { Number = certificate.Number, Version = "0", Reason = "" },
            $"/Secretariat/Results?year={year}&handler=Revoke");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Null((await CertificateOf(a.Id)).RevokedAt);
        var revoked = await client.PostForm($"/Secretariat/Results?year={year}", new { Number = certificate.Number, Version = "0", Reason = "材料造假" },
            $"/Secretariat/Results?year={year}&handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("材料造假", (await CertificateOf(a.Id)).RevocationReason);
    }
}

/// <summary>Verification is rate-limited per address: the request past the limit gets 429.</summary>
public sealed class VerificationRateLimitTests : IDisposable
{
    private readonly AppFactory app = new AppFactory().With("RateLimits:VerifyPermitsPerMinute", "3");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_fourth_verification_in_a_minute_gets_429()
    {
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/certificates/verify/CODE{i}")).StatusCode);
        var fourth = await client.GetAsync("/api/v1/certificates/verify/CODE4");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify/CODE5")).StatusCode);
    }
}
