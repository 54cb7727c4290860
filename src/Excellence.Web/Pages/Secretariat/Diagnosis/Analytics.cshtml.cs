using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using Excellence.Web.Domain;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Diagnosis;

/// <summary>Diagnosis analytics for the secretariat: tables, ECharts charts (data-* attributes), Excel export.</summary>
public sealed class AnalyticsModel(DiagnosisAnalytics.Handler handler, StringCatalog catalog) : PageModel
{
    public DiagnosisAnalytics.Result Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await handler.Handle(HttpContext.RequiredActor());
        if (!outcome.IsOk) return NotFound();
        Data = outcome.Value!;
        return Page();
    }

    private string Text(string key) => catalog.Text(key, CultureInfo.CurrentUICulture);

    public string IndustryName(string code) => code.Length == 0 ? "—" : Text(Reference.Key("Industry", code));
    public string ScaleName(string code) => code.Length == 0 ? "—" : Text(Reference.Key("OrganizationScale", code));
    public string DistrictName(string code) => code.Length == 0 ? "—" : Text(Reference.Key("District", code));
    public string DimensionName(string code) => Data.System is null ? code : DiagnosisText.DimensionName(Data.System, code, CultureInfo.CurrentUICulture);

    public string MonthChart => JsonSerializer.Serialize(new
    {
        type = "bar", categories = Data.PerMonth.Select(m => m.Month), series = new[] { new { name = Text("Diagnosis.Analytics.Count"), data = Data.PerMonth.Select(m => m.Count) } },
    });

    public string LevelChart(IReadOnlyList<DiagnosisAnalytics.Distribution> groups, Func<string, string> name) => JsonSerializer.Serialize(new
    {
        type = "stack", categories = groups.Select(g => name(g.Group)),
        series = Data.Levels.Select(l => new { name = l, data = groups.Select(g => g.Levels.GetValueOrDefault(l)) }),
    });

    public string DimensionChart => JsonSerializer.Serialize(new
    {
        type = "bar", categories = Data.DimensionAverages.Select(d => DimensionName(d.Code)),
        series = new[] { new { name = Text("Diagnosis.Analytics.Average"), data = Data.DimensionAverages.Select(d => d.Average) } },
    });

    public async Task<IActionResult> OnGetExportAsync()
    {
        var outcome = await handler.Handle(HttpContext.RequiredActor());
        if (!outcome.IsOk) return NotFound();
        Data = outcome.Value!;
        var month = Text("Diagnosis.Analytics.Month");
        var count = Text("Diagnosis.Analytics.Count");
        var sheets = new Dictionary<string, object>
        {
            [Text("Diagnosis.Analytics.PerMonth")] = Data.PerMonth.Select(m => new Dictionary<string, object> { [month] = m.Month, [count] = m.Count }).ToList(),
            [Text("Diagnosis.Analytics.ByIndustry")] = Sheet(Data.ByIndustry, IndustryName),
            [Text("Diagnosis.Analytics.ByDistrict")] = Sheet(Data.ByDistrict, DistrictName),
            [Text("Diagnosis.Analytics.ByScale")] = Sheet(Data.ByScale, ScaleName),
            [Text("Diagnosis.Analytics.DimensionAverages")] = Data.DimensionAverages.Select(d => new Dictionary<string, object>
            {
                [Text("Diagnosis.Dimensions")] = d.Code + " " + DimensionName(d.Code), [Text("Diagnosis.Analytics.Average")] = d.Average,
            }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets);
        stream.Position = 0;
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "diagnosis-analytics.xlsx");
    }

    private List<Dictionary<string, object>> Sheet(IReadOnlyList<DiagnosisAnalytics.Distribution> groups, Func<string, string> name) =>
        groups.Select(g =>
        {
            var row = new Dictionary<string, object> { [Text("Diagnosis.Analytics.Group")] = name(g.Group) };
            foreach (var level in Data.Levels) row[level] = g.Levels.GetValueOrDefault(level);
            row[Text("Diagnosis.Analytics.Count")] = g.Total;
            return row;
        }).ToList();
}
