using System.Globalization;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Labels of answers, levels and dimensions in the reader's language.</summary>
public static class DiagnosisText
{
    public sealed record Option(string Value, string Label);

    public static IReadOnlyList<Option> Options(Indicator q, StringCatalog catalog, CultureInfo culture) => q.Scale switch
    {
        AnswerScale.YesNoVeto => [new(Answers.Yes, catalog.Text("Diagnosis.Yes", culture)), new(Answers.No, catalog.Text("Diagnosis.No", culture))],
        AnswerScale.Q5 => q.Options.Select((label, i) => new Option(Answers.Bands[i], label)).ToList(),
        _ => Answers.Bands.Select(b => new Option(b, b + " " + catalog.Text("Diagnosis.M5." + b, culture))).ToList(),
    };

    public static bool English(CultureInfo culture) => StringCatalog.LanguageOf(culture) == StringCatalog.English;

    public static string DimensionName(IndicatorDefinition system, string code, CultureInfo culture) =>
        system.Dimensions.FirstOrDefault(d => d.Code == code) is { } d ? (English(culture) ? d.NameEn : d.NameZh) : code;

    public static string LevelName(IndicatorDefinition system, string code, CultureInfo culture) =>
        system.Levels.FirstOrDefault(l => l.Code == code) is { } l ? $"{l.Code} {(English(culture) ? l.NameEn : l.NameZh)}" : code;
}
