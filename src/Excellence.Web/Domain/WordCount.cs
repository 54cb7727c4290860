namespace Excellence.Web.Domain;

/// <summary>
/// The word processor's 字数, which Chinese notices mean by "不超过 N 字": each CJK character and each
/// full-width punctuation mark counts one, each run of Latin letters or digits counts one, white space and
/// half-width punctuation count nothing. wwwroot/js/wordcount.js mirrors this for the live counter.
/// </summary>
public static class WordCount
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        var inRun = false;
        for (var i = 0; i < text.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else cp = text[i];

            if (IsLatinOrDigit(cp))
            {
                if (!inRun) count++;
                inRun = true;
                continue;
            }
            // Inner connectors keep a run going only when a letter or digit follows.
            if (inRun && cp is '.' or '_' or '\'' or '-' or '/' && i + 1 < text.Length && IsLatinOrDigit(text[i + 1]))
                continue;
            inRun = false;
            if (IsCjk(cp) || IsFullWidthPunctuation(cp)) count++;
        }
        return count;
    }

    private static bool IsLatinOrDigit(int cp) =>
        cp is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or >= 0xC0 and <= 0x24F;

    private static bool IsCjk(int cp) =>
        cp is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FFFF;

    private static bool IsFullWidthPunctuation(int cp) =>
        cp is >= 0x3001 and <= 0x303F or >= 0xFF00 and <= 0xFFEF
            or 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x2014 or 0x00B7;
}
