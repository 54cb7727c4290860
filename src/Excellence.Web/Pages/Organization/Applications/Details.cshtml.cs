using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Organization.Applications;

/// <summary>
/// The form, laid out like the paper one, while a draft (autosave, counters, checklist, submit); the read-only
/// form with its receipt afterwards (withdraw).
/// </summary>
public sealed class DetailsModel(AppDb db, GetApplication.Handler get, SaveDraft.Handler save, SubmitApplication.Handler submit,
    WithdrawApplication.Handler withdraw, UploadEvidence.Handler upload, UploadPhoto.Handler uploadPhoto, DeleteEvidence.Handler deleteEvidence, StringCatalog catalog) : PageModel
{
    public GetApplication.View View { get; private set; } = null!;
    public IReadOnlyList<RecommenderUnit> Recommenders { get; private set; } = [];

    [BindProperty] public ApplicationForm Input { get; set; } = new();
    [BindProperty] public string? WithdrawReason { get; set; }

    private Actor Actor => HttpContext.RequiredActor();
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = ApplicationShape.ToForm(View.Application);
        return Page();
    }

    /// <summary>The plain form post (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        var outcome = await save.HandleAsync(Actor, new SaveDraft.Command(id, Input.Version ?? -1, Input));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Application.Saved", Culture, Display.DateTimeSeconds(outcome.Value!.UpdatedAt));
            return Redirect($"/Organization/Applications/{id}");
        }
        return await RedisplayAsync(id, outcome);
    }

    /// <summary>The autosave: the same save, answered as JSON for applications.js.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id)
    {
        var outcome = await save.HandleAsync(Actor, new SaveDraft.Command(id, Input.Version ?? -1, Input));
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var saved = outcome.Value!;
                return new JsonResult(new
                {
                    version = saved.Version,
                    savedAt = Shanghai.ToLocal(saved.UpdatedAt).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    warnings = Messages(saved.Warnings),
                    missing = saved.Missing.Select(m => Checklist.Item(m, catalog, Culture)).ToList(),
                });
            case OutcomeKind.Invalid:
                return new JsonResult(new { errors = Messages(outcome.Errors) }) { StatusCode = 400 };
            case OutcomeKind.Stale:
                var current = await get.HandleAsync(Actor, id);
                var changed = current.IsOk ? ApplicationShape.Differences(current.Value!.Application, Input) : [];
                var who = current.Value?.Application;
                var message = catalog.Text("Application.StaleDetail", Culture,
                    who is null ? "" : Display.DateTimeSeconds(who.UpdatedAt),
                    string.Join("、", changed.Select(f => Checklist.Label(f, catalog, Culture))));
                return new JsonResult(new { message, changed, currentVersion = who?.Version }) { StatusCode = 412 };
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                return new JsonResult(new { message = outcome.Reason is null ? "" : catalog.Text(outcome.Reason, Culture) }) { StatusCode = 409 };
        }
    }

    /// <summary>Saves what the form holds, then submits.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        var saved = await save.HandleAsync(Actor, new SaveDraft.Command(id, Input.Version ?? -1, Input));
        if (!saved.IsOk) return saved.Kind == OutcomeKind.NotFound ? NotFound() : await RedisplayAsync(id, saved);
        var outcome = await submit.HandleAsync(Actor, new SubmitApplication.Command(id, saved.Value!.Version));
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Application.SubmittedFlash", Culture, outcome.Value!.ReceiptNumber);
            return Redirect($"/Organization/Applications/{id}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        Input.Version = saved.Value.Version;
        return await RedisplayAsync(id, outcome);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        var outcome = await withdraw.HandleAsync(Actor, new WithdrawApplication.Command(id, WithdrawReason));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Application.WithdrawnFlash", Culture);
            return Redirect($"/Organization/Applications/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        Input = ApplicationShape.ToForm(View.Application);
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    /// <summary>An evidence upload: JSON for the progress-bar upload of applications.js, a redirect for a plain form.</summary>
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, IFormFile? file)
    {
        var wantsJson = Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
        Outcome<EvidenceView> outcome;
        if (file is null) outcome = Outcome<EvidenceView>.Invalid("file", "Validation.Required");
        else
        {
            await using var content = file.OpenReadStream();
            outcome = await upload.HandleAsync(Actor, new UploadEvidence.Command(id, file.FileName, content));
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        var message = outcome.IsOk
            ? catalog.Text("Evidence.Uploaded", Culture, outcome.Value!.FileName)
            : outcome.Errors.Count > 0 ? catalog.Text(outcome.Errors[0].Problem, Culture) : catalog.Text(outcome.Reason!, Culture);
        if (wantsJson) return new JsonResult(new { ok = outcome.IsOk, message }) { StatusCode = outcome.IsOk ? 200 : 400 };
        TempData["Flash"] = message;
        return Redirect($"/Organization/Applications/{id}#sec-evidence");
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo)
    {
        Outcome<string> outcome;
        if (photo is null) outcome = Outcome<string>.Invalid("photo", "Validation.Required");
        else
        {
            await using var content = photo.OpenReadStream();
            outcome = await uploadPhoto.HandleAsync(Actor, new UploadPhoto.Command(id, content));
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Flash"] = outcome.IsOk ? catalog.Text("Photo.Uploaded", Culture)
            : outcome.Errors.Count > 0 ? catalog.Text(outcome.Errors[0].Problem, Culture) : catalog.Text(outcome.Reason!, Culture);
        return Redirect($"/Organization/Applications/{id}#sec-photo");
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, Guid fileId)
    {
        var outcome = await deleteEvidence.HandleAsync(Actor, id, fileId);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk) TempData["Flash"] = catalog.Text(outcome.Reason!, Culture);
        return Redirect($"/Organization/Applications/{id}#sec-evidence");
    }

    private async Task<IActionResult> RedisplayAsync<T>(Guid id, Outcome<T> outcome)
    {
        if (!await LoadAsync(id)) return NotFound();
        var posted = Input;
        ModelState.Clear();
        Input = posted;
        outcome.Errors.AddTo(ModelState, catalog);
        if (outcome.Kind == OutcomeKind.Stale) new Problem("Validation.Stale").AddTo(ModelState, catalog);
        else if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        else if (outcome.Errors.Count > 0) new Problem("Application.FixBeforeSubmit", outcome.Errors.Count).AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(Actor, id);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        Recommenders = await db.RecommenderUnits.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync();
        return true;
    }

    private Dictionary<string, string> Messages(IEnumerable<FieldProblem> problems) =>
        problems.GroupBy(p => PageErrors.FieldKey("Input", p.Field))
            .ToDictionary(g => g.Key, g => catalog.Text(g.First().Problem, Culture));
}
