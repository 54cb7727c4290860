using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;

namespace Excellence.Tests.Api;

/// <summary>The printable application form: PDF (and DOCX) of the filled form, for those who may read the application.</summary>
public class ApplicationFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private async Task<Application> Submitted(Excellence.Web.Domain.Organizations.Organization org, Excellence.Web.Domain.Organizations.RecommenderUnit unit,
        Category category = Category.OrganizationModel) =>
        await build.Application(org, unit, category: category, customise: a =>
        {
            a.Stage = Stage.AwaitingRecommendation;
            a.SubmittedAt = app.Clock.GetUtcNow().UtcDateTime;
            a.ReceiptNumber = $"2026-{Guid.NewGuid().ToString()[..6]}";
        });

    [Fact]
    public async Task The_form_pdf_holds_the_title_organisation_and_category_in_Chinese()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), customise: x => x.Content = string.Concat(Enumerable.Repeat("结合卓越绩效管理理念、模型和方法，从组织方向、运行、结果三大方面总结和提炼管理模式。", 120)));
        var client = await app.ApiClient(await build.Applicant(org));

        var response = await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026 年卓越管理创新成果申报表", text);
        Assert.Contains("全面质量管理创新实践", text);
        Assert.Contains(org.Name, text);
        Assert.Contains("卓越质量管理模式", text);
        Assert.Contains("开展质量改进与创新活动情况", text);
    }

    [Fact]
    public async Task The_form_lists_each_evidence_file_with_its_size_and_sha256()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var client = await app.ApiClient(await build.Applicant(org));
        var content = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "report.pdf");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/applications/{a.Id}/evidence", upload)).StatusCode);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

        var pdf = (await PdfText(await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf")).Content.ReadAsByteArrayAsync())).Replace("\n", "");
        var (docx, _) = DocxText(await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.docx")).Content.ReadAsByteArrayAsync());

        Assert.Contains("证实性材料清单", pdf);
        Assert.Contains("report.pdf", pdf);
        Assert.Contains($"大小:{content.Length} B", pdf); // NFKC folds the full-width colon
        Assert.Contains(sha, pdf);
        Assert.Contains("report.pdf", docx);
        Assert.Contains(sha, docx);
    }

    private static async Task Upload(HttpClient client, Guid id, string name, byte[] content)
    {
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        upload.Add(file, "file", name);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/applications/{id}/evidence", upload)).StatusCode);
    }

    private static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;

    /// <summary>A real PDF of <paramref name="pages"/> pages, each saying which page it is.</summary>
    private static byte[] PdfOfPages(int pages)
    {
        using var stream = new MemoryStream();
        using (var document = SkiaSharp.SKDocument.CreatePdf(stream))
        {
            using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.Default, 24);
            using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black };
            for (var i = 1; i <= pages; i++)
            {
                var canvas = document.BeginPage(595, 842);
                canvas.DrawText($"Original evidence page {i} of {pages}", 60, 100, SkiaSharp.SKTextAlign.Left, font, ink);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task The_paper_copy_is_the_form_followed_by_each_evidence_file_with_the_pdf_pages_themselves()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var client = await app.ApiClient(await build.Applicant(org));
        using var bitmap = new SkiaSharp.SKBitmap(300, 200);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        await Upload(client, a.Id, "证书.png", png.ToArray());
        await Upload(client, a.Id, "report.pdf", PdfOfPages(3));
        await Upload(client, a.Id, "damaged.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));

        var form = await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf")).Content.ReadAsByteArrayAsync();
        var response = await client.GetAsync($"/api/v1/applications/{a.Id}/paper.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var paper = await response.Content.ReadAsByteArrayAsync();
        // The form, a page with the picture, a separator and the PDF's 3 pages, a page for the unreadable PDF.
        Assert.Equal(PageCount(form) + 1 + 1 + 3 + 1, PageCount(paper));
        var text = await PdfText(paper);
        Assert.Contains("附件 1/3", text);
        Assert.Contains("证书.png", text);
        Assert.Contains("附件 2/3", text);
        Assert.Contains("report.pdf", text);
        Assert.Contains("以下 3", text);
        Assert.Contains("Original evidence page 1 of 3", text);
        Assert.Contains("Original evidence page 3 of 3", text);
        Assert.True(text.LastIndexOf("report.pdf", StringComparison.Ordinal) < text.IndexOf("Original evidence page 1 of 3", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Original evidence page 3 of 3", StringComparison.Ordinal) < text.LastIndexOf("damaged.pdf", StringComparison.Ordinal));
        Assert.Contains("之后装订本证实性材料的打印件", text); // 页 comes back as the radical ⻚, which NFKC keeps
        Assert.Contains(org.Name, text);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_the_paper_copy()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var other = await app.ApiClient(await build.Applicant(await build.Organization()));

        var response = await other.GetAsync($"/api/v1/applications/{a.Id}/paper.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_individual_form_pdf_shows_the_resident_id_masked_and_never_in_full()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var client = await app.ApiClient(await build.Applicant(org));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{a.Id}")
        {
            Content = JsonContent.Create(new { nominee = new { name = "王芳", residentId = "11010519491231002X", gender = "Female", yearsOfWork = 20, yearsInCurrentPost = 5 }, report = new { title = "个人经验" } }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);

        var response = await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("申报人基本信息", text);
        Assert.Contains("王芳", text);
        Assert.Contains("110***********002X", text);
        Assert.DoesNotContain("11010519491231002", text);
        Assert.Contains("卓越管理创新经验", text);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_the_form()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var other = await app.ApiClient(await build.Applicant(await build.Organization()));

        var response = await other.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_named_recommender_gets_the_form_and_another_recommender_gets_404()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await Submitted(org, unit);
        var named = await app.ApiClient(await build.RecommenderUser(unit));
        var stranger = await app.ApiClient(await build.RecommenderUser(await build.Recommender(name: "其他推荐单位" + Guid.NewGuid().ToString()[..4])));

        var ok = await named.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");
        var refused = await stranger.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(unit.Name, await PdfText(await ok.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_secretariat_gets_the_form()
    {
        var org = await build.Organization();
        var a = await Submitted(org, await build.Recommender());
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(org.Name, await PdfText(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_form_docx_holds_the_same_content_as_tables()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var client = await app.ApiClient(await build.Applicant(org));

        var response = await client.GetAsync($"/api/v1/applications/{a.Id}/form.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var (text, tables) = DocxText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026 年卓越管理创新成果申报表", text);
        Assert.Contains("全面质量管理创新实践", text);
        Assert.Contains(org.Name, text);
        Assert.Contains("卓越质量管理模式", text);
        Assert.Equal(6, tables);
    }

    [Fact]
    public async Task The_individual_form_docx_shows_the_resident_id_masked_and_never_in_full()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var client = await app.ApiClient(await build.Applicant(org));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{a.Id}")
        {
            Content = JsonContent.Create(new { nominee = new { name = "王芳", residentId = "11010519491231002X", gender = "Female" }, report = new { title = "个人经验" } }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);

        var (text, _) = DocxText(await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.docx")).Content.ReadAsByteArrayAsync());

        Assert.Contains("申报人基本信息", text);
        Assert.Contains("110***********002X", text);
        Assert.DoesNotContain("11010519491231002", text);
    }

    [Fact]
    public async Task Another_organisation_and_another_recommender_get_404_for_the_docx()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await Submitted(org, unit);
        var other = await app.ApiClient(await build.Applicant(await build.Organization()));
        var stranger = await app.ApiClient(await build.RecommenderUser(await build.Recommender(name: "其他推荐单位" + Guid.NewGuid().ToString()[..4])));
        var named = await app.ApiClient(await build.RecommenderUser(unit));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{a.Id}/form.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/form.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/v1/applications/{a.Id}/form.docx")).StatusCode);
    }

    [Fact]
    public async Task Each_detail_page_links_to_the_pdf_and_the_docx()
    {
        var org = await build.Organization();
        var unit = await build.Recommender();
        var a = await Submitted(org, unit);
        var pages = new[]
        {
            (await app.SignedIn(await build.Applicant(org)), $"/Organization/Applications/{a.Id}"),
            (await app.SignedIn(await build.RecommenderUser(unit)), $"/Recommender/Applications/{a.Id}"),
            (await app.SignedIn(await build.Secretariat()), $"/Secretariat/Applications/{a.Id}"),
        };
        foreach (var (client, path) in pages)
        {
            var html = await client.Html(path);
            Assert.Contains($"href=\"/api/v1/applications/{a.Id}/form.pdf\"", html);
            Assert.Contains($"href=\"/api/v1/applications/{a.Id}/form.docx\"", html);
            Assert.Contains($"href=\"/api/v1/applications/{a.Id}/paper.pdf\"", html);
            Assert.Contains("下载 PDF（打印用）", html);
        }
        var pdf = await pages[0].Item1.GetAsync($"/api/v1/applications/{a.Id}/form.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    private static (string Text, int Tables) DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join(" | ", errors.Distinct()));
        var text = string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        return (text, body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
    }

    internal static async Task<string> PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"form-{Guid.NewGuid()}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            // pdftotext maps some CJK glyphs to their compatibility radicals (⾼ for 高); fold them back.
            return text.Normalize(System.Text.NormalizationForm.FormKC);
        }
        finally { File.Delete(file); }
    }
}
