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

/// <summary>Edits a draft version: names, weights, texts, frames, scales, N/A, Q5 bands and the level table.</summary>
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

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] EditIndicatorSystem.Handler edit)
    {
        foreach (var q in Definition.AllIndicators) q.Options = q.Options.Select(o => o ?? "").ToList();
        var outcome = await edit.Handle(HttpContext.RequiredActor(), new EditIndicatorSystem.Command(id, Definition, Version));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        Number = await db.IndicatorSystems.Where(s => s.Id == id).Select(s => s.Number).SingleAsync();
        if (!outcome.IsOk)
        {
            Problems = [catalog.Text(outcome.Reason!, CultureInfo.CurrentUICulture)];
            return Page();
        }
        ModelState.Clear();
        Version = outcome.Value!.Version;
        Problems = Describe(outcome.Value.Remaining);
        Saved = true;
        return Page();
    }

    private List<string> Describe(IEnumerable<Domain.FieldProblem> problems) =>
        problems.Select(p => $"{p.Field}: {catalog.Text(p.Problem, CultureInfo.CurrentUICulture)}").ToList();
}
