using System.Globalization;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features;
using Excellence.Web.Features.Reviews;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert.Reviews;

/// <summary>
/// The score sheet of one assignment: a band per sub-criterion with the descriptors at hand, comments, strengths,
/// opportunities, an optional veto; save as draft, save and go to the next unfinished sheet, or submit.
/// Works without JavaScript; review.js only moves the live total.
/// </summary>
public sealed class SheetModel(GetReview.Handler get, SaveReview.Handler save, SubmitReview.Handler submit, ListAssignments.Handler queue,
    StringCatalog catalog) : PageModel
{
    public GetReview.View View { get; private set; } = null!;

    [BindProperty] public SaveReview.SheetInput Input { get; set; } = new();
    /// <summary>save, next or submit.</summary>
    [BindProperty] public string? Action { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new SaveReview.SheetInput
        {
            Scores = View.Scores.Select(s => new SaveReview.ScoreInput { Code = s.Code, BandPercent = s.BandPercent, Comment = s.Comment }).ToList(),
            Strengths = View.Strengths, Opportunities = View.Opportunities, Veto = View.Veto, VetoNote = View.VetoNote, Version = View.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var actor = HttpContext.RequiredActor();
        var command = new SaveReview.Command(id, Input.Version ?? 0, Input);
        var outcome = Action == "submit"
            ? await submit.HandleAsync(actor, command, HttpContext.RequestAborted)
            : await save.HandleAsync(actor, command, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            var culture = CultureInfo.CurrentUICulture;
            if (Action == "next")
            {
                var next = await queue.NextUnfinishedAsync(actor, id, HttpContext.RequestAborted);
                TempData["Flash"] = catalog.Text(next is null ? "Reviews.Sheet.AllDone" : "Reviews.Sheet.Saved", culture);
                return Redirect(next is { } n ? $"/Expert/Reviews/{n}" : "/Expert");
            }
            TempData["Flash"] = Action == "submit"
                ? catalog.Text("Reviews.Sheet.SubmittedNote", culture, Display.DateTime(DateTime.SpecifyKind(outcome.Value!.UpdatedAt, DateTimeKind.Utc)))
                : catalog.Text("Reviews.Sheet.Saved", culture);
            return Redirect($"/Expert/Reviews/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }

    /// <summary>What the form shows for a criterion: the posted value after a refusal, else the stored one.</summary>
    public SaveReview.ScoreInput ScoreOf(string code) =>
        Input.Scores.FirstOrDefault(s => s.Code == code) ?? new SaveReview.ScoreInput { Code = code };

    public static string ErrorKey(string field) => PageErrors.FieldKey("", field);
}
