using System.Diagnostics;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Excellence.Tests.Results;

/// <summary>Reading certificates back: text with pdftotext, the QR region rendered with pdftoppm and decoded with ZXing.</summary>
internal static class ResultSupport
{
    public static string ArtifactsDirectory()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Excellence.slnx"))) dir = Path.GetDirectoryName(dir);
        var artifacts = Path.Combine(dir ?? Path.GetTempPath(), "artifacts");
        Directory.CreateDirectory(artifacts);
        return artifacts;
    }

    /// <summary>Renders page 1 (or the given crop, in PDF points) to PNG at <paramref name="dpi"/>.</summary>
    public static async Task<byte[]> RenderPng(byte[] pdf, int dpi, SKRect? cropPoints = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "c.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var args = new List<string> { "-png", "-r", dpi.ToString(), "-singlefile", "-f", "1", "-l", "1" };
            if (cropPoints is { } c)
            {
                float Px(float points) => points * dpi / 72f;
                args.AddRange(["-x", ((int)Px(c.Left)).ToString(), "-y", ((int)Px(c.Top)).ToString(),
                    "-W", ((int)Px(c.Width)).ToString(), "-H", ((int)Px(c.Height)).ToString()]);
            }
            args.AddRange([file, Path.Combine(dir, "page")]);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", args) { RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return await File.ReadAllBytesAsync(Path.Combine(dir, "page.png"));
        }
        finally { Directory.Delete(dir, true); }
    }

    public static string? DecodeQr(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var pixels = new byte[bitmap.Width * bitmap.Height * 4];
        using (var rgba = bitmap.Copy(SKColorType.Bgra8888))
            System.Runtime.InteropServices.Marshal.Copy(rgba.GetPixels(), pixels, 0, pixels.Length);
        var source = new RGBLuminanceSource(pixels, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text;
    }
}
