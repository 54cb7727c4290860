using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>Evidence uploads: recognised by content, a hostile corpus made here, limits, storage and the one download door.</summary>
public class EvidenceTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }
        return stream.ToArray();
    }

    private static byte[] Docx(string documentXml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>",
        params (string, byte[])[] extra) =>
        Zip([("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
            ("word/document.xml", Encoding.UTF8.GetBytes(documentXml)), .. extra]);

    private static byte[] PngHeader(uint width, uint height)
    {
        var b = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(b, 0);
        b[16] = (byte)(width >> 24); b[17] = (byte)(width >> 16); b[18] = (byte)(width >> 8); b[19] = (byte)width;
        b[20] = (byte)(height >> 24); b[21] = (byte)(height >> 16); b[22] = (byte)(height >> 8); b[23] = (byte)height;
        return b;
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid id, string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // RFC 5987 encoding carries any name, NUL and bidi overrides included, as a hostile client would send it.
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename*=UTF-8''" + Uri.EscapeDataString(name));
        form.Add(file);
        return client.PostAsync($"/api/v1/applications/{id}/evidence", form);
    }

    [Fact]
    public async Task Every_file_of_the_hostile_corpus_is_refused_with_its_reason_and_nothing_is_kept()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var client = await app.ApiClient(await build.Applicant(org), "en");

        var corpus = new (string Name, byte[] Content, string Reason)[]
        {
            ("report.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0], "Only PDF, DOCX, XLSX, JPG and PNG files are accepted (recognised by content, not by name)"),
            ("page.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "Only PDF, DOCX, XLSX, JPG and PNG files are accepted (recognised by content, not by name)"),
            ("logo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "Only PDF, DOCX, XLSX, JPG and PNG files are accepted (recognised by content, not by name)"),
            ("polyglot.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes("<html><body><script>alert(1)</script></body></html>")], "The file mixes PDF and HTML content"),
            ("script.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF"), "The PDF carries scripts or active content (JavaScript, launch actions or embedded files)"),
            ("bomb.docx", Docx(extra: ("word/media/zeros.bin", new byte[201 * 1024 * 1024])), "The document expands to an abnormal size"),
            ("xxe.docx", Docx("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document>&x;</w:document>"), "The document contains a forbidden XML DOCTYPE"),
            ("macro.docx", Docx(extra: ("word/vbaProject.bin", [1, 2, 3])), "Documents with macros are refused; save as a macro-free DOCX or XLSX"),
            ("huge.png", PngHeader(60000, 60000), "The image size 60000×60000 is too large or invalid"),
        };
        foreach (var (name, content, reason) in corpus)
        {
            var response = await Upload(client, a.Id, name, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Equal(reason, (await response.Json()).GetProperty("errors").GetProperty("file")[0].GetString());
        }
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.Evidence.CountAsync()));
        var store = Path.Combine(app.DataDirectory, "evidence");
        Assert.Empty(Directory.GetFiles(store, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Hostile_names_are_neutralised_files_are_stored_under_server_names_and_downloaded_only_as_attachments()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var applicant = await build.Applicant(org);
        var client = await app.ApiClient(applicant);
        var names = new (string Sent, string Kept)[]
        {
            ("../../etc/passwd.pdf", "passwd.pdf"),
            ("evil\0name.pdf", "evilname.pdf"),
            ("invoice\u202Efdp.exe", "invoicefdp.pdf"),
            (new string('长', 300) + ".pdf", new string('长', 96) + ".pdf"),
            ("材料.docx", "材料.docx"),
        };
        var ids = new List<Guid>();
        foreach (var (sent, kept) in names)
        {
            var response = await Upload(client, a.Id, sent, kept.EndsWith(".docx") ? Docx() : Pdf);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.Json();
            Assert.Equal(kept, body.GetProperty("fileName").GetString());
            ids.Add(body.GetProperty("id").GetGuid());
        }
        var stored = Directory.GetFiles(Path.Combine(app.DataDirectory, "evidence")).Select(Path.GetFileName).ToList();
        Assert.Equal(5, stored.Count);
        Assert.All(stored, n => Assert.Matches("^[0-9a-f]{32}$", n));

        var download = await client.GetAsync($"/api/v1/applications/{a.Id}/evidence/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var sha = (await (await client.GetAsync($"/api/v1/applications/{a.Id}")).Json()).GetProperty("evidence")[0].GetProperty("sha256").GetString();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), sha);

        var stranger = await app.ApiClient(await build.Applicant(await build.Organization()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/evidence/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/applications/{a.Id}/evidence/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(stranger, a.Id, "x.pdf", Pdf)).StatusCode);
        Assert.Equal(5, await app.WithDb<int>(async (db, _) => await db.Evidence.CountAsync(e => e.ApplicationId == a.Id)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/applications/{a.Id}/evidence/{ids[0]}")).StatusCode);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(app.DataDirectory, "evidence")).Length);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_years_limit_is_refused_and_the_total_limit_holds()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        await build.Round(2026, r => { r.EvidenceFileLimitBytes = 1000; r.EvidenceTotalLimitBytes = 1500; });
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var client = await app.ApiClient(await build.Applicant(org), "en");
        byte[] Sized(int n) => [.. Pdf, .. Enumerable.Repeat((byte)' ', n - Pdf.Length)];

        var over = await Upload(client, a.Id, "big.pdf", Sized(1001));
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("The file is over the limit of 0 MB", (await over.Json()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await Upload(client, a.Id, "a.pdf", Sized(1000))).StatusCode);
        var total = await Upload(client, a.Id, "b.pdf", Sized(600));
        Assert.Equal(HttpStatusCode.BadRequest, total.StatusCode);
        Assert.Equal(1, await app.WithDb<int>(async (db, _) => await db.Evidence.CountAsync()));
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "evidence"), "*", SearchOption.AllDirectories));
    }
}
