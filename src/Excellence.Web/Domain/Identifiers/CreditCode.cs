namespace Excellence.Web.Domain.Identifiers;

/// <summary>Unified social credit code 统一社会信用代码 (GB 32100-2015).</summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string? raw) =>
        new string((raw ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>Null when valid; otherwise the first rule the normalised value breaks.</summary>
    public static Problem? Check(string normalized)
    {
        if (normalized.Length == 0) return new Problem("Validation.Required");
        if (normalized.Length != 18) return new Problem("CreditCode.Length", normalized.Length);
        foreach (var c in normalized)
            if (Alphabet.IndexOf(c) < 0) return new Problem("CreditCode.BadCharacter", c.ToString());
        for (var i = 2; i < 8; i++)
            if (!char.IsAsciiDigit(normalized[i])) return new Problem("CreditCode.RegionNotDigits");
        var expected = CheckCharacter(normalized);
        return normalized[17] == expected ? null : new Problem("CreditCode.CheckCharacter", expected.ToString());
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The six-digit administrative region code (characters 3–8).</summary>
    public static string RegionCode(string normalized) => normalized.Substring(2, 6);

    /// <summary>Registered in Shanghai: the region code starts with 31 (GB/T 2260).</summary>
    public static bool IsShanghai(string normalized) => RegionCode(normalized).StartsWith("31", StringComparison.Ordinal);
}
