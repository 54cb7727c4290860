using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using SkiaSharp;

namespace Excellence.Tests.Api;

public class PhotoTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static Task<HttpResponseMessage> Upload(HttpClient client, Guid id, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        return client.PostAsync($"/api/v1/applications/{id}/nominee/photo", form);
    }

    /// <summary>A 300×400 JPEG with an EXIF segment carrying a location, spliced in after the start marker.</summary>
    private static byte[] JpegWithExif(string marker)
    {
        using var bitmap = new SKBitmap(300, 400);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var payload = Encoding.UTF8.GetBytes("Exif\0\0" + marker);
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    [Fact]
    public async Task The_nominees_photo_is_re_encoded_so_its_metadata_is_gone()
    {
        const string marker = "GPS 31.2304N 121.4737E secret-camera";
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var client = await app.ApiClient(await build.Applicant(org));
        var original = JpegWithExif(marker);
        Assert.Contains(marker, Encoding.Latin1.GetString(original));

        var response = await Upload(client, a.Id, original);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await (await client.GetAsync($"/api/v1/applications/{a.Id}/nominee/photo")).Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("secret-camera", Encoding.Latin1.GetString(stored));
        Assert.Equal([0xFF, 0xD8], stored[..2]);
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((300, 400), (decoded.Width, decoded.Height));
        var read = await (await client.GetAsync($"/api/v1/applications/{a.Id}")).Json();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), read.GetProperty("nominee").GetProperty("photoSha256").GetString());
        var stranger = await app.ApiClient(await build.Applicant(await build.Organization()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{a.Id}/nominee/photo")).StatusCode);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused_and_nothing_is_stored()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var client = await app.ApiClient(await build.Applicant(org), "en");
        var response = await Upload(client, a.Id, Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The photo must be a JPG or PNG image", (await response.Json()).GetProperty("errors").GetProperty("photo")[0].GetString());
        Assert.Null((await build.Reload(a.Id))!.Nominee!.PhotoStoredName);
    }

    /// <summary>The images embedded in a PDF, as poppler's pdfimages lists them (one line per image).</summary>
    private static async Task<string[]> PdfImages(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdfimages", ["-list", file]) { RedirectStandardOutput = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task The_printed_individual_form_carries_the_nominees_photo()
    {
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender(), complete: false, category: Category.IndividualExperience);
        var client = await app.ApiClient(await build.Applicant(org));
        var without = await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, (await Upload(client, a.Id, JpegWithExif("x"))).StatusCode);

        var with = await (await client.GetAsync($"/api/v1/applications/{a.Id}/form.pdf")).Content.ReadAsByteArrayAsync();
        var paper = await (await client.GetAsync($"/api/v1/applications/{a.Id}/paper.pdf")).Content.ReadAsByteArrayAsync();

        if (Environment.GetEnvironmentVariable("EXCELLENCE_ARTEFACTS") is { Length: > 0 } artefacts)
        {
            Directory.CreateDirectory(artefacts);
            await File.WriteAllBytesAsync(Path.Combine(artefacts, "individual-form.pdf"), with);
        }
        Assert.Empty(await PdfImages(without));
        var images = await PdfImages(with);
        Assert.Single(images);
        var columns = images[0].Split(' ', StringSplitOptions.RemoveEmptyEntries); // page num type width height …
        Assert.Equal(["image", "300", "400"], columns[2..5]);
        Assert.Single(await PdfImages(paper));
    }
}
