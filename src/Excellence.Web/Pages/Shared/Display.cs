using System.Globalization;
using Excellence.Web.Domain;

namespace Excellence.Web.Pages.Shared;

/// <summary>How times and dates are shown: always in Asia/Shanghai, formatted for the page's language.</summary>
public static class Display
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string DateTime(DateTime utc) =>
        Shanghai.ToLocal(utc).ToString(IsEnglish ? "yyyy-MM-dd HH:mm" : "yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string DateTimeSeconds(DateTime utc) =>
        Shanghai.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) =>
        date.ToString(IsEnglish ? "yyyy-MM-dd" : "yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string MonthDay(DateOnly date) =>
        date.ToString(IsEnglish ? "MMM d" : "M月d日", IsEnglish ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with offset, for machine-readable attributes (the countdown).</summary>
    public static string Iso(DateTime utc) => Shanghai.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Choose(string zh, string en) => IsEnglish && !string.IsNullOrEmpty(en) ? en : zh;
}
