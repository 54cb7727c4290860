using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// The font every Chinese PDF is drawn in: Noto Sans CJK SC (Debian's fonts-noto-cjk). Null when it is missing,
/// because a PDF of empty boxes is worse than the clear error <see cref="MissingKey"/> says.
/// </summary>
public static class CjkFont
{
    public const string DefaultPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// <summary>Face 2 of the collection is Simplified Chinese.</summary>
    private const int SimplifiedChineseFace = 2;
    public const string MissingKey = "Documents.FontMissing";

    public static SKTypeface? Load(string? path = null)
    {
        path ??= DefaultPath;
        return File.Exists(path) ? SKTypeface.FromFile(path, SimplifiedChineseFace) : null;
    }
}
