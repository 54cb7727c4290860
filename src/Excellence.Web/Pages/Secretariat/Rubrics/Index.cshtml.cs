using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Reviews;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Rubrics;

/// <summary>
/// The rubric of a year and category: criteria (rename, points, add with the blank row, remove, reorder by the order
/// numbers), thresholds, experts per application. Read-only once frozen by the first saved score.
/// </summary>
public sealed class IndexModel(GetRubric.Handler get, EditRubric.Handler edit, StringCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category Category { get; set; } = Category.OrganizationModel;
    [BindProperty] public RubricInput Input { get; set; } = new();
    public RubricView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= Shanghai.Today(clock.GetUtcNow()).Year;
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), Year.Value, Category, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return Page();
        View = outcome.Value!;
        Input = RubricInput.From(View);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Year ??= Shanghai.Today(clock.GetUtcNow()).Year;
        var outcome = await edit.HandleAsync(HttpContext.RequiredActor(),
            new EditRubric.Command(Year.Value, Category, Input.Version ?? -1, Input), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Rubrics.Saved", CultureInfo.CurrentUICulture);
            return Redirect($"/Secretariat/Rubrics?year={Year}&category={Category}");
        }
        var current = await get.HandleAsync(HttpContext.RequiredActor(), Year.Value, Category, HttpContext.RequestAborted);
        if (!current.IsOk) return NotFound();
        View = current.Value!;
        outcome.Errors.AddTo(ModelState, catalog, "Input");
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.Stale) Input = RubricInput.From(View);
        else Input.Criteria = EditRubric.Handler.Arrange(Input.Criteria);
        return Page();
    }
}
