using System.Net;
using System.Net.Http.Headers;
using Excellence.Tests.Support;
using Excellence.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class DiagnosisEvidenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8];
    private static readonly byte[] Html = "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray();
    private static readonly byte[] Svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    private async Task<(HttpClient Client, string Path, Guid Id)> Draft()
    {
        var client = await app.SignedIn(await build.Applicant());
        var path = (await client.PostForm("/diagnosis", new { }, "/diagnosis?handler=Start")).Headers.Location!.OriginalString;
        return (client, path, Guid.Parse(path.Split('/')[^1]));
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string path, string code, byte[] bytes, string name)
    {
        var token = Http.AntiforgeryToken(await client.Html(path));
        var content = new MultipartFormDataContent
        {
            { new StringContent(code), "code" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        return await client.PostAsync(path + "?handler=Evidence", content);
    }

    [Fact]
    public async Task A_pdf_is_stored_by_content_with_its_hash_and_downloads_as_an_attachment()
    {
        var (client, path, id) = await Draft();
        var response = await Upload(client, path, "2.1", Pdf, "体系证书.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var evidence = await app.WithDb(async (db, _) => await db.DiagnosisEvidence.SingleAsync(e => e.DiagnosisId == id));
        Assert.Equal("体系证书.pdf", evidence.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), evidence.Sha256);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "files", "diagnosis", id.ToString("N"), evidence.StoredName)));

        var download = await client.GetAsync($"{path}?handler=Evidence&evidenceId={evidence.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var other = await app.SignedIn(await build.Applicant());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{path}?handler=Evidence&evidenceId={evidence.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("exe", "这是可执行程序，不能上传（无论文件扩展名是什么）")]
    [InlineData("html", "网页或 SVG 等标记文件不能上传")]
    [InlineData("svg", "网页或 SVG 等标记文件不能上传")]
    [InlineData("pdf-js", "PDF 含有脚本或可执行内容")]
    [InlineData("docm", "含宏的文档不能接受")]
    public async Task A_file_that_is_not_what_it_claims_is_refused_by_content_and_nothing_is_stored(string kind, string message)
    {
        var (client, path, id) = await Draft();
        var bytes = kind switch
        {
            "exe" => Executable, "html" => Html, "svg" => Svg,
            "pdf-js" => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n"),
            _ => MacroDocument(),
        };
        var response = await Upload(client, path, "2.1", bytes, "report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await app.WithDb(async db => Assert.False(await db.DiagnosisEvidence.AnyAsync(e => e.DiagnosisId == id)));
        var folder = Path.Combine(app.DataDirectory, "files", "diagnosis", id.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    /// <summary>A DOCX package that carries a VBA project (what a .docm saved as .docx looks like).</summary>
    private static byte[] MacroDocument()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
            Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>");
            Add("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            Add("word/vbaProject.bin", "macro");
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task Another_organisation_cannot_attach_evidence_to_a_diagnosis()
    {
        var (_, path, id) = await Draft();
        var other = await app.SignedIn(await build.Applicant());
        var ownDraft = (await other.PostForm("/diagnosis", new { }, "/diagnosis?handler=Start")).Headers.Location!.OriginalString;
        var token = Http.AntiforgeryToken(await other.Html(ownDraft));
        var content = new MultipartFormDataContent { { new StringContent("2.1"), "code" }, { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf), "file", "a.pdf" } };
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(path + "?handler=Evidence", content)).StatusCode);
        await app.WithDb(async db => Assert.False(await db.DiagnosisEvidence.AnyAsync(e => e.DiagnosisId == id)));
    }

    [Theory]
    [InlineData(FileKind.Docx, "word/document.xml")]
    [InlineData(FileKind.Xlsx, "xl/workbook.xml")]
    public void Office_packages_are_recognised_by_their_parts(FileKind kind, string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }
        Assert.Equal(kind, ContentSniffer.Sniff(stream).Kind);
    }

    [Fact]
    public void A_plain_zip_and_text_are_refused()
    {
        using var zip = new MemoryStream();
        using (var a = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, true)) a.CreateEntry("x.txt");
        Assert.Equal("Files.UnknownType", ContentSniffer.Sniff(zip).RefusalKey);
        Assert.Equal("Files.UnknownType", ContentSniffer.Sniff(new MemoryStream("hello"u8.ToArray())).RefusalKey);
        Assert.Equal(FileKind.Png, ContentSniffer.Sniff(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])).Kind);
        Assert.Equal(FileKind.Jpeg, ContentSniffer.Sniff(new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0])).Kind);
    }
}
