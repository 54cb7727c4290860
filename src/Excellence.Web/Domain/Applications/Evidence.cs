using System.Globalization;
using System.Text;

namespace Excellence.Web.Domain.Applications;

/// <summary>A supporting document (证实性材料) of an application, stored outside wwwroot under a server-made name.</summary>
public sealed class Evidence : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    /// <summary>The uploader's file name, made safe for display and for Content-Disposition.</summary>
    public string FileName { get; set; } = "";
    /// <summary>From the content as recognised, never from the browser's claim.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoredName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public Guid UploadedBy { get; set; }
}

public enum EvidenceKind { Pdf, Docx, Xlsx, Jpeg, Png }

public static class EvidenceFiles
{
    public const int MaxNameLength = 100;

    public static string ContentType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => ".pdf", EvidenceKind.Docx => ".docx", EvidenceKind.Xlsx => ".xlsx", EvidenceKind.Jpeg => ".jpg", _ => ".png",
    };

    /// <summary>
    /// A display name without any path, control or bidirectional-override characters, at most 100
    /// characters, ending in the extension of what the content really is.
    /// </summary>
    public static string SafeName(string? raw, EvidenceKind kind)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            clean.Append(c is '"' or '<' or '>' or '|' or ':' or '*' or '?' ? '_' : c);
        }
        var cleaned = clean.ToString();
        var dot = cleaned.LastIndexOf('.');
        var stem = (dot >= 0 ? cleaned[..dot] : cleaned).Trim().Trim('.');
        var extension = Extension(kind);
        if (stem.Length == 0) stem = "file";
        if (stem.Length > MaxNameLength - extension.Length) stem = stem[..(MaxNameLength - extension.Length)];
        return stem + extension;
    }
}
