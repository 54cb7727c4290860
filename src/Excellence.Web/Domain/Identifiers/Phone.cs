using System.Text.RegularExpressions;

namespace Excellence.Web.Domain.Identifiers;

/// <summary>Mainland mobile and landline numbers, and postcodes.</summary>
public static partial class Phone
{
    public static string NormalizeMobile(string? raw)
    {
        var s = new string((raw ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')').ToArray());
        if (s.StartsWith("+86", StringComparison.Ordinal)) s = s[3..];
        else if (s.StartsWith("0086", StringComparison.Ordinal)) s = s[4..];
        else if (s.StartsWith("86", StringComparison.Ordinal) && s.Length == 13) s = s[2..];
        return s;
    }

    public static Problem? CheckMobile(string normalized) =>
        normalized.Length == 0 ? new Problem("Validation.Required")
        : MobilePattern().IsMatch(normalized) ? null : new Problem("Phone.Mobile");

    /// <summary>A mobile or a landline, for fields that allow either (联系电话).</summary>
    public static Problem? CheckMobileOrLandline(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0) return new Problem("Validation.Required");
        if (LandlinePattern().IsMatch(trimmed)) return null;
        return MobilePattern().IsMatch(NormalizeMobile(trimmed)) ? null : new Problem("Phone.MobileOrLandline");
    }

    /// <summary>138****8000.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length < 7 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    public static Problem? CheckPostcode(string? raw)
    {
        var s = (raw ?? "").Trim();
        if (s.Length == 0) return new Problem("Validation.Required");
        return PostcodePattern().IsMatch(s) ? null : new Problem("Postcode.Format");
    }

    /// <summary>A Shanghai postcode outside 200000–202999 is worth a warning, not an error.</summary>
    public static bool IsUnusualForShanghai(string postcode) => !ShanghaiPostcode().IsMatch(postcode);

    [GeneratedRegex(@"^1[3-9]\d{9}$")] private static partial Regex MobilePattern();
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")] private static partial Regex LandlinePattern();
    [GeneratedRegex(@"^\d{6}$")] private static partial Regex PostcodePattern();
    [GeneratedRegex(@"^20[0-2]\d{3}$")] private static partial Regex ShanghaiPostcode();
}
