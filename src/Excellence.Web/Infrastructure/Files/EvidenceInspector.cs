using System.IO.Compression;
using System.Text;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Infrastructure.Files;

/// <summary>
/// Recognises an uploaded file by its content, never its name: PDF, DOCX, XLSX, JPEG, PNG. Refuses
/// executables, HTML, SVG and everything else unknown, PDFs carrying JavaScript or HTML, macro documents,
/// zip bombs, XML with a DOCTYPE (external entities) and images whose header claims absurd dimensions.
/// </summary>
public static class EvidenceInspector
{
    private const long MaxPixels = 100_000_000;
    private const long MaxUnzipped = 200L * 1024 * 1024;
    private const int MaxRatio = 100, MaxEntries = 5000;

    public static (EvidenceKind? Kind, Problem? Why) Inspect(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[32];
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        file.Position = 0;
        if (head.StartsWith("%PDF-"u8)) return Pdf(file);
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png(head);
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return (EvidenceKind.Jpeg, null);
        if (head.StartsWith("PK\x03\x04"u8)) return Office(file);
        return (null, new Problem("Evidence.UnknownType"));
    }

    private static (EvidenceKind?, Problem?) Pdf(Stream file)
    {
        // Scan the whole file in overlapping chunks for active content and for an HTML body (polyglots).
        string[] active = ["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia"];
        string[] html = ["<html", "<script", "<body", "<svg", "<iframe"];
        var buffer = new byte[64 * 1024];
        var carry = "";
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            var text = carry + Encoding.Latin1.GetString(buffer, 0, read);
            foreach (var token in active)
                if (ContainsName(text, token)) return (null, new Problem("Evidence.PdfActiveContent"));
            foreach (var token in html)
                if (text.Contains(token, StringComparison.OrdinalIgnoreCase)) return (null, new Problem("Evidence.PdfWithHtml"));
            carry = text[^Math.Min(32, text.Length)..];
        }
        return (EvidenceKind.Pdf, null);
    }

    /// <summary>A PDF name token, not a prefix of a longer name (/JS but not /JSON).</summary>
    private static bool ContainsName(string text, string name)
    {
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            var end = i + name.Length;
            if (end >= text.Length || !char.IsAsciiLetterOrDigit(text[end])) return true;
        }
        return false;
    }

    private static (EvidenceKind?, Problem?) Png(ReadOnlySpan<byte> head)
    {
        if (head.Length < 24) return (null, new Problem("Evidence.Damaged"));
        long width = (uint)(head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19]);
        long height = (uint)(head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23]);
        return width * height > MaxPixels || width == 0 || height == 0
            ? (null, new Problem("Evidence.ImageTooLarge", width, height))
            : (EvidenceKind.Png, null);
    }

    private static (EvidenceKind?, Problem?) Office(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) return (null, new Problem("Evidence.ZipBomb"));
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUnzipped || (e.CompressedLength > 0 && e.Length / e.CompressedLength > MaxRatio && e.Length > 1024 * 1024))
                    return (null, new Problem("Evidence.ZipBomb"));
                var name = e.FullName.ToLowerInvariant();
                if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal) || name.Contains("activex", StringComparison.Ordinal))
                    return (null, new Problem("Evidence.Macro"));
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return (null, new Problem("Evidence.UnknownType"));
            foreach (var e in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                using var s = e.Open();
                var buffer = new byte[4096];
                var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (Encoding.UTF8.GetString(buffer, 0, n).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                    return (null, new Problem("Evidence.XmlDoctype"));
            }
            using (var reader = new StreamReader(types.Open()))
            {
                var content = reader.ReadToEnd();
                if (content.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) return (null, new Problem("Evidence.Macro"));
            }
            if (zip.GetEntry("word/document.xml") is not null) return (EvidenceKind.Docx, null);
            if (zip.GetEntry("xl/workbook.xml") is not null) return (EvidenceKind.Xlsx, null);
            return (null, new Problem("Evidence.UnknownType"));
        }
        catch (InvalidDataException)
        {
            return (null, new Problem("Evidence.Damaged"));
        }
    }
}
