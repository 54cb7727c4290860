using System.Globalization;

namespace Excellence.Web.Domain.Identifiers;

/// <summary>Resident ID number 身份证号 (GB 11643-1999).</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string? raw)
    {
        var s = (raw ?? "").Trim();
        return s.EndsWith('x') ? s[..^1] + "X" : s;
    }

    public static Problem? Check(string normalized, DateOnly today)
    {
        if (normalized.Length == 0) return new Problem("Validation.Required");
        if (normalized.Length != 18) return new Problem("ResidentId.Length", normalized.Length);
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(normalized[i])) return new Problem("ResidentId.NotDigits");
        if (!char.IsAsciiDigit(normalized[17]) && normalized[17] != 'X') return new Problem("ResidentId.NotDigits");
        if (!DateOnly.TryParseExact(normalized.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return new Problem("ResidentId.BirthDate", normalized.Substring(6, 8));
        if (birth > today) return new Problem("ResidentId.BirthInFuture");
        var expected = CheckCharacter(normalized);
        return normalized[17] == expected ? null : new Problem("ResidentId.CheckCharacter", expected.ToString());
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>The 17th digit: odd for male, even for female.</summary>
    public static bool IsMale(string normalized) => (normalized[16] - '0') % 2 == 1;

    /// <summary>310***********123X: the first three and last four characters stay visible.</summary>
    public static string Mask(string normalized) =>
        normalized.Length < 8 ? new string('*', normalized.Length) : normalized[..3] + new string('*', normalized.Length - 7) + normalized[^4..];
}
