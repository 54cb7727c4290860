using System.IO.Compression;

namespace Excellence.Web.Infrastructure.Files;

/// <summary>The kinds of file the platform accepts, recognised by their content, never by name or declared type.</summary>
public enum FileKind { Pdf, Jpeg, Png, Docx, Xlsx }

/// <summary>
/// Recognises an upload by its bytes: PDF, JPEG and PNG by signature; DOCX and XLSX as ZIP packages whose
/// parts name them. Anything else (executables renamed .pdf, HTML, SVG, plain ZIP) is refused with the reason.
/// </summary>
public static class ContentSniffer
{
    public sealed record Verdict(FileKind? Kind, string? RefusalKey)
    {
        public bool Accepted => Kind is not null;
    }

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf", FileKind.Jpeg => ".jpg", FileKind.Png => ".png", FileKind.Docx => ".docx", FileKind.Xlsx => ".xlsx", _ => "",
    };

    /// <summary>Reads the stream from its start (it must be seekable) and leaves it at the start.</summary>
    public static Verdict Sniff(Stream stream, IReadOnlySet<FileKind>? allowed = null)
    {
        Span<byte> head = stackalloc byte[16];
        stream.Position = 0;
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..n];
        FileKind? kind = null;
        if (n == 0) return new(null, "Files.Empty");
        if (head.StartsWith("%PDF-"u8)) kind = FileKind.Pdf;
        else if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) kind = FileKind.Jpeg;
        else if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) kind = FileKind.Png;
        else if (head.StartsWith("PK\u0003\u0004"u8)) kind = OfficeKind(stream);
        else if (head.StartsWith("MZ"u8) || head.StartsWith("\u007fELF"u8)) return new(null, "Files.Executable");
        else if (LooksLikeMarkup(stream)) return new(null, "Files.Markup");

        stream.Position = 0;
        if (kind is null) return new(null, "Files.UnknownType");
        if (allowed is not null && !allowed.Contains(kind.Value)) return new(null, "Files.TypeNotAllowed");
        return new(kind, null);
    }

    private static FileKind? OfficeKind(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return FileKind.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return FileKind.Xlsx;
            return null;
        }
        catch (InvalidDataException) { return null; }
        finally { stream.Position = 0; }
    }

    private static bool LooksLikeMarkup(Stream stream)
    {
        var buffer = new byte[512];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return text.StartsWith('<') || text.Contains("<svg") || text.Contains("<html") || text.Contains("<script");
    }
}
