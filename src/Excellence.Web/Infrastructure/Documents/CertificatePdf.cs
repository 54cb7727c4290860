using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Infrastructure.Localization;
using QRCoder;
using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// 证书 as a landscape A4 PDF in the formal Chinese layout: the association, 证书, the holder, year, category and level,
/// the number and issue date, and a QR code to {PublicBaseUrl}/verify/{code}. Drawn in Noto Serif CJK SC when installed
/// (Noto Sans CJK otherwise). A revoked certificate is marked across the page. Null when no CJK font is installed.
/// </summary>
public sealed class CertificatePdf(StringCatalog catalog, string publicBaseUrl, string? fontPath = null)
{
    public const float Width = 842, Height = 595;
    /// <summary>Where the QR code is drawn (points from the top left), for tests that read it back.</summary>
    public static readonly SKRect QrArea = new(Width - 200, Height - 205, Width - 80, Height - 85);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly SKColor Red = new(0x9E, 0x1B, 0x1B), Gold = new(0xB8, 0x86, 0x0B), Paper = new(0xFF, 0xFD, 0xF6);

    public string VerifyUrl(Certificate c) => publicBaseUrl.TrimEnd('/') + "/verify/" + c.Code;

    public byte[]? Render(Certificate c) => RenderMany([c])?[0];

    /// <summary>Many certificates with one font load (the bulk zip).</summary>
    public IReadOnlyList<byte[]>? RenderMany(IReadOnlyList<Certificate> certificates)
    {
        using var sans = CjkFont.Load(fontPath);
        if (sans is null) return null;
        var serifPath = Path.Combine(Path.GetDirectoryName(fontPath ?? CjkFont.DefaultPath)!, "NotoSerifCJK-Bold.ttc");
        using var serif = File.Exists(serifPath) ? SKTypeface.FromFile(serifPath, 2) : null;
        return certificates.Select(c => Draw(c, serif ?? sans, sans)).ToList();
    }

    private string T(string key, params object[] args) => catalog.Text(key, Chinese, args);

    private byte[] Draw(Certificate c, SKTypeface formal, SKTypeface plain)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               { Title = T("Certificate.Word") + " " + c.Number, Creator = T("App.Association"), Producer = T("App.Name") }))
        {
            var canvas = document.BeginPage(Width, Height);
            using var fill = new SKPaint { Color = Paper, Style = SKPaintStyle.Fill };
            canvas.DrawRect(0, 0, Width, Height, fill);
            using (var outer = new SKPaint { Color = Red, Style = SKPaintStyle.Stroke, StrokeWidth = 6, IsAntialias = true })
                canvas.DrawRect(18, 18, Width - 36, Height - 36, outer);
            using (var inner = new SKPaint { Color = Gold, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true })
                canvas.DrawRect(30, 30, Width - 60, Height - 60, inner);

            using var red = new SKPaint { Color = Red, IsAntialias = true };
            using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
            using var association = new SKFont(formal, 20);
            using var word = new SKFont(formal, 54);
            using var subtitle = new SKFont(formal, 16);
            using var holder = new SKFont(formal, 21);
            using var body = new SKFont(formal, 17);
            using var highlight = new SKFont(formal, 25);
            using var small = new SKFont(plain, 11);
            using var meta = new SKFont(plain, 13);

            canvas.DrawText(T("App.Association"), Width / 2, 88, SKTextAlign.Center, association, red);
            canvas.DrawText(T("Certificate.Word"), Width / 2, 158, SKTextAlign.Center, word, red);
            canvas.DrawText(T("Certificate.Subtitle"), Width / 2, 190, SKTextAlign.Center, subtitle, grey);

            const float left = 110, right = Width - 110;
            var y = 240f;
            var individual = c.Category == Category.IndividualExperience;
            var name = individual ? T("Certificate.IndividualHolder", c.HolderName, c.OrganizationName) : c.HolderName;
            foreach (var line in Wrap(name + T("Certificate.Colon"), holder, right - left)) { canvas.DrawText(line, left, y, SKTextAlign.Left, holder, ink); y += 30; }
            y += 4;
            var text = T(individual ? "Certificate.BodyIndividual" : "Certificate.BodyOrganization", c.Title);
            foreach (var line in Wrap("　　" + text, body, right - left)) { canvas.DrawText(line, left, y, SKTextAlign.Left, body, ink); y += 28; }
            y += 18;
            var category = T(Reference.Key(c.Category));
            foreach (var line in Wrap(T("Certificate.Recognition", c.Year, category, T(Reference.Key(c.Level))), highlight, right - left))
            { canvas.DrawText(line, Width / 2, y, SKTextAlign.Center, highlight, red); y += 34; }
            y += 4;
            canvas.DrawText("　　" + T("Certificate.Hereby"), left, y, SKTextAlign.Left, body, ink);

            // Bottom: number and date on the left, the association and date above the QR on the right.
            var date = T("Certificate.Date", c.IssuedOn.Year, c.IssuedOn.Month, c.IssuedOn.Day);
            canvas.DrawText(T("Certificate.NumberLabel", c.Number), 70, Height - 128, SKTextAlign.Left, meta, ink);
            canvas.DrawText(T("Certificate.IssuedLabel", date), 70, Height - 108, SKTextAlign.Left, meta, ink);
            var usage = T("Certificate.UsageRule");
            var uy = Height - 84f;
            foreach (var line in Wrap(usage, small, QrArea.Left - 120 - 70)) { canvas.DrawText(line, 70, uy, SKTextAlign.Left, small, grey); uy += 15; }
            canvas.DrawText(T("App.Association"), QrArea.Left - 30, Height - 128, SKTextAlign.Right, holder, ink);
            canvas.DrawText(date, QrArea.Left - 30, Height - 100, SKTextAlign.Right, body, ink);

            DrawQr(canvas, VerifyUrl(c), QrArea);
            canvas.DrawText(T("Certificate.ScanToVerify"), QrArea.MidX, QrArea.Bottom + 16, SKTextAlign.Center, small, grey);

            if (c.RevokedAt is { } revoked)
            {
                using var stamp = new SKFont(plain, 64) { Embolden = true };
                using var mark = new SKPaint { Color = Red.WithAlpha(0x90), IsAntialias = true };
                canvas.Save();
                canvas.RotateDegrees(-20, Width / 2, Height / 2);
                canvas.DrawText(T("Certificate.RevokedMark", Shanghai.Today(new DateTimeOffset(revoked, TimeSpan.Zero)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    Width / 2, Height / 2, SKTextAlign.Center, stamp, mark);
                canvas.Restore();
            }
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>The QR as vector squares (crisp at any zoom and in print), quiet zone included.</summary>
    private static void DrawQr(SKCanvas canvas, string url, SKRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var size = area.Width / modules;
        using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawRect(area, white);
        for (var row = 0; row < modules; row++)
            for (var col = 0; col < modules; col++)
                if (matrix[row][col])
                    canvas.DrawRect(area.Left + col * size, area.Top + row * size, size + 0.02f, size + 0.02f, black);
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (font.MeasureText(text.AsSpan(start, i - start)) > width && i - 1 > start)
            {
                yield return text[start..(i - 1)];
                start = i - 1;
            }
        }
        if (start < text.Length) yield return text[start..];
    }
}
