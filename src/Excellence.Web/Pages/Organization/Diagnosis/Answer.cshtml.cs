using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Features;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Organization.Diagnosis;

/// <summary>
/// The questionnaire. A plain form that saves everything (works without JavaScript); diagnosis.js saves
/// each answer as it is given through the Save handler and shows 已保存 hh:mm:ss.
/// </summary>
public sealed class AnswerModel(AppDb db, StringCatalog catalog) : PageModel
{
    public Domain.Diagnosis.Diagnosis Diagnosis { get; private set; } = null!;
    public IndicatorDefinition System { get; private set; } = null!;
    public IReadOnlyList<DiagnosisEvidence> Evidence { get; private set; } = [];
    public int Answered { get; private set; }
    public int Total { get; private set; }
    public string? Message { get; private set; }
    public HashSet<string> Missing { get; private set; } = [];

    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public bool Truthfulness { get; set; }
    [BindProperty] public int Version { get; set; }

    public IReadOnlyList<DiagnosisText.Option> Options(Indicator q) => DiagnosisText.Options(q, catalog, CultureInfo.CurrentUICulture);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var d = await DiagnosisQueries.Find(db, id);
        if (d is null || !Permissions.CanReadDiagnosis(HttpContext.RequiredActor(), d.OrganizationId)) return NotFound();
        if (d.IsSubmitted && HttpContext.Request.Query["handler"] != "Evidence") return Redirect($"/Organization/Diagnosis/Report/{d.Id}");
        Diagnosis = d;
        System = (await DiagnosisQueries.SystemOf(db, d)).Definition;
        Evidence = await db.DiagnosisEvidence.AsNoTracking().Where(e => e.DiagnosisId == id).OrderBy(e => e.UploadedAt).ToListAsync();
        Total = System.AllIndicators.Count();
        Answered = Total - Scoring.Unanswered(System, d.Answers).Count;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>The whole form: save, or save and submit.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? submit, [FromServices] SaveAnswers.Handler save, [FromServices] SubmitDiagnosis.Handler submitHandler)
    {
        var actor = HttpContext.RequiredActor();
        var saved = await save.Handle(actor, new SaveAnswers.Command(id, Answers.Where(a => !string.IsNullOrEmpty(a.Value)).ToDictionary(), Version));
        if (saved.Kind == OutcomeKind.NotFound) return NotFound();
        if (!saved.IsOk)
        {
            Missing = saved.Errors.Select(e => e.Field.Length > 9 ? e.Field[8..^1] : e.Field).ToHashSet();
            if (saved.Reason is not null) Message = catalog.Text(saved.Reason, CultureInfo.CurrentUICulture);
            return await LoadAsync(id) ?? Page();
        }
        if (submit is null) return Redirect($"/Organization/Diagnosis/{id}");
        var outcome = await submitHandler.Handle(actor, new SubmitDiagnosis.Command(id, Truthfulness, null));
        if (outcome.IsOk) return Redirect($"/Organization/Diagnosis/Report/{id}");
        Missing = outcome.Errors.Where(e => e.Field.StartsWith("answers[", StringComparison.Ordinal)).Select(e => e.Field[8..^1]).ToHashSet();
        foreach (var e in outcome.Errors.Where(e => e.Field == "truthfulness")) ModelState.AddModelError("Truthfulness", catalog.Text(e.Problem, CultureInfo.CurrentUICulture));
        var unanswered = Missing.Count;
        Message = unanswered > 0 ? catalog.Text("Diagnosis.Unanswered", CultureInfo.CurrentUICulture, unanswered)
            : outcome.Reason is null ? null : catalog.Text(outcome.Reason, CultureInfo.CurrentUICulture);
        return await LoadAsync(id) ?? Page();
    }

    /// <summary>An evidence file for one answer (multipart form, one per question).</summary>
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, string code, IFormFile? file, [FromServices] AttachEvidence.Handler attach)
    {
        if (file is null || file.Length == 0)
        {
            Message = catalog.Text("Files.Required", CultureInfo.CurrentUICulture);
            return await LoadAsync(id) ?? Page();
        }
        await using var stream = file.OpenReadStream();
        var outcome = await attach.Handle(HttpContext.RequiredActor(), new AttachEvidence.Command(id, code, file.FileName, stream));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) return Redirect($"/Organization/Diagnosis/{id}#q-{code.Replace('.', '_')}");
        Message = outcome.Errors.Count > 0 ? catalog.Text(outcome.Errors[0].Problem, CultureInfo.CurrentUICulture)
            : catalog.Text(outcome.Reason!, CultureInfo.CurrentUICulture);
        return await LoadAsync(id) ?? Page();
    }

    /// <summary>Downloads an evidence file: always as an attachment, never sniffed by the browser.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, Guid evidenceId, [FromServices] AttachEvidence.Handler attach)
    {
        var outcome = await attach.Open(HttpContext.RequiredActor(), id, evidenceId);
        if (!outcome.IsOk) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
    }

    /// <summary>One answer, saved as it is given (fetch from diagnosis.js): JSON { version, savedAt, answered, total }.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, string code, string? value, int version, [FromServices] SaveAnswers.Handler save)
    {
        var outcome = await save.Handle(HttpContext.RequiredActor(), new SaveAnswers.Command(id, new Dictionary<string, string?> { [code] = value }, version));
        return outcome.Kind switch
        {
            OutcomeKind.Ok => new JsonResult(new
            {
                version = outcome.Value!.Version, savedAt = Display.DateTimeSeconds(outcome.Value.SavedAt)[11..],
                answered = outcome.Value.Answered, total = outcome.Value.Total,
            }),
            OutcomeKind.NotFound => NotFound(),
            OutcomeKind.Stale => StatusCode(412),
            _ => BadRequest(),
        };
    }
}
