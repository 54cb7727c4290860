using System.Globalization;
using System.Text.RegularExpressions;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Pages.Shared;

/// <summary>A field problem as a checklist line: "成果标题：此项为必填项".</summary>
public static partial class Checklist
{
    /// <summary>"awards[1].date" → the label of Application.Field.awards.date.</summary>
    public static string Label(string field, StringCatalog catalog, CultureInfo culture)
    {
        var m = IndexPattern().Match(field);
        var key = "Application.Field." + IndexPattern().Replace(field, "");
        var label = catalog.Text(key, culture);
        return m.Success && !field.StartsWith("eligibility", StringComparison.Ordinal)
            ? catalog.Text("Application.RowLabel", culture, label, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)
            : label;
    }

    public static string Item(FieldProblem p, StringCatalog catalog, CultureInfo culture) =>
        p.Field.StartsWith("eligibility[", StringComparison.Ordinal) || p.Field is "organization" or "qualityActivities" or "recommenderId"
            ? catalog.Text(p.Problem, culture)
            : catalog.Text("Application.ChecklistItem", culture, Label(p.Field, catalog, culture), catalog.Text(p.Problem, culture));

    [GeneratedRegex(@"\[(\d+)\]")] private static partial Regex IndexPattern();
}
