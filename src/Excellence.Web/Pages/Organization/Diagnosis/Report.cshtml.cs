using System.Globalization;
using System.Text.Json;
using Excellence.Web.Features;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Organization.Diagnosis;

/// <summary>The report of a submitted diagnosis, and its PDF (?handler=Pdf).</summary>
public sealed class ReportModel(GetReport.Handler handler, StringCatalog catalog) : PageModel
{
    public GetReport.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await handler.Handle(HttpContext.RequiredActor(), id);
        if (outcome.Kind == OutcomeKind.Conflict) return Redirect($"/Organization/Diagnosis/{id}");
        if (!outcome.IsOk) return NotFound();
        Report = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, [FromServices] StringCatalog strings)
    {
        var outcome = await handler.Handle(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return NotFound();
        var culture = CultureInfo.CurrentUICulture;
        var bytes = new Infrastructure.Documents.DiagnosisPdf(strings).Render(outcome.Value!, culture);
        if (bytes is null) return StatusCode(503, catalog.Text(Excellence.Web.Infrastructure.Documents.CjkFont.MissingKey, culture));
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, "application/pdf", $"diagnosis-{outcome.Value!.SubmittedAt:yyyyMMdd}.pdf");
    }

    public string Name(string code) => DiagnosisText.DimensionName(Report.System, code, CultureInfo.CurrentUICulture);
    public string LevelName(string code) => DiagnosisText.LevelName(Report.System, code, CultureInfo.CurrentUICulture);

    /// <summary>The radar's data for diagnosis.js (data-* attribute, no inline script).</summary>
    public string RadarJson => JsonSerializer.Serialize(new
    {
        indicators = Report.Result.Dimensions.Select(d => new { name = Name(d.Code), max = 100 }),
        values = Report.Result.Dimensions.Select(d => d.Score ?? 0),
        label = catalog.Text("Diagnosis.Total", CultureInfo.CurrentUICulture),
    });

    public string StepText(Domain.Diagnosis.NextStep s)
    {
        var culture = CultureInfo.CurrentUICulture;
        string Label(int i) => s.Scale == Domain.Diagnosis.AnswerScale.Q5
            ? Report.System.Find(s.IndicatorCode)?.Options.ElementAtOrDefault(i) ?? ""
            : catalog.Text("Diagnosis.M5." + Domain.Diagnosis.Answers.Bands[i], culture);
        return catalog.Text("Diagnosis.StepFromTo", culture, s.IndicatorCode, s.IndicatorText, Label(s.Current), Label(s.Next));
    }
}
