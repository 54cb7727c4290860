using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Features;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Diagnosis.IndicatorSystems;

/// <summary>Edits a draft version: names, weights, texts, frames, scales, N/A, Q5 bands and the level table; adds and removes dimensions and questions.</summary>
public sealed class EditModel(AppDb db, StringCatalog catalog) : PageModel
{
    [BindProperty] public IndicatorDefinition Definition { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public int Number { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var system = await db.IndicatorSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (system is null || !system.IsEditable) return NotFound();
        Definition = system.Definition;
        Version = system.Version;
        Number = system.Number;
        Problems = Describe(Definition.Validate());
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, [FromServices] EditIndicatorSystem.Handler edit) =>
        Save(id, edit, _ => { });

    // Adding and removing post the whole form to their own handler, so whatever was typed is kept and saved
    // with the change (works without JavaScript). Positions, not codes, say which item: codes in the form may
    // have just been edited, emptied or repeated.
    public Task<IActionResult> OnPostAddDimensionAsync(Guid id, [FromServices] EditIndicatorSystem.Handler edit) =>
        Save(id, edit, d => d.AddDimension());

    public Task<IActionResult> OnPostRemoveDimensionAsync(Guid id, int dimension, [FromServices] EditIndicatorSystem.Handler edit) =>
        Save(id, edit, d => d.RemoveDimension(dimension));

    public Task<IActionResult> OnPostAddIndicatorAsync(Guid id, int dimension, [FromServices] EditIndicatorSystem.Handler edit) =>
        Save(id, edit, d => d.AddIndicator(dimension));

    public Task<IActionResult> OnPostRemoveIndicatorAsync(Guid id, int dimension, int indicator, [FromServices] EditIndicatorSystem.Handler edit) =>
        Save(id, edit, d => d.RemoveIndicator(dimension, indicator));

    private async Task<IActionResult> Save(Guid id, EditIndicatorSystem.Handler edit, Action<IndicatorDefinition> change)
    {
        foreach (var q in Definition.AllIndicators) q.Options = q.Options.Select(o => o ?? "").ToList();
        change(Definition);
        var outcome = await edit.Handle(HttpContext.RequiredActor(), new EditIndicatorSystem.Command(id, Definition, Version));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        Number = await db.IndicatorSystems.Where(s => s.Id == id).Select(s => s.Number).SingleAsync();
        ModelState.Clear();
        if (!outcome.IsOk)
        {
            Response.StatusCode = outcome.Kind switch
            {
                OutcomeKind.Conflict => StatusCodes.Status409Conflict,
                OutcomeKind.Stale => StatusCodes.Status412PreconditionFailed,
                OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            Problems = [catalog.Text(outcome.Reason!, CultureInfo.CurrentUICulture)];
            return Page();
        }
        Version = outcome.Value!.Version;
        Problems = Describe(outcome.Value.Remaining);
        Saved = true;
        return Page();
    }

    private List<string> Describe(IEnumerable<Domain.FieldProblem> problems) =>
        problems.Select(p => $"{p.Field}: {catalog.Text(p.Problem, CultureInfo.CurrentUICulture)}").ToList();
}
