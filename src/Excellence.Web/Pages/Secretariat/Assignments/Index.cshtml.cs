using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Assignments;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Assignments;

/// <summary>
/// The assignment report of a year and category (coverage, load, exclusions and why) with the automatic
/// assignment, the witnessed draw (抽签) and manual assignment of one application.
/// </summary>
public sealed class IndexModel(AppDb db, AssignmentReport.Handler report, PlanAssignments.Handler plan, AssignManually.Handler assign,
    StringCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? App { get; set; }
    [BindProperty] public int? PerApplication { get; set; }
    [BindProperty] public int? Seed { get; set; }
    [BindProperty] public string? Witnesses { get; set; }
    [BindProperty] public List<Guid> ExpertIds { get; set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public AssignmentReport.Result? Report { get; private set; }
    public PlanAssignments.Report? Planned { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAutoAsync() => await RunAsync(draw: false);

    public async Task<IActionResult> OnPostDrawAsync() => await RunAsync(draw: true);

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (App is null) return NotFound();
        var outcome = await assign.HandleAsync(HttpContext.RequiredActor(), new AssignManually.Command(App.Value, ExpertIds), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Assignments.Assigned", System.Globalization.CultureInfo.CurrentUICulture);
            return Redirect($"/Secretariat/Assignments?year={Year}&category={Category}&app={App}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<IActionResult> RunAsync(bool draw)
    {
        if (!await LoadAsync()) return NotFound();
        var witnesses = draw ? (Witnesses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var outcome = await plan.HandleAsync(HttpContext.RequiredActor(),
            new PlanAssignments.Command(Year!.Value, Category, PerApplication, draw ? null : Seed, witnesses, draw), HttpContext.RequestAborted);
        if (outcome.IsOk) Planned = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        else outcome.Reason!.AddTo(ModelState, catalog);
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Years = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(HttpContext.RequestAborted);
        Year ??= Years.Count > 0 ? Years[0] : null;
        if (Year is null) return true;
        var outcome = await report.HandleAsync(HttpContext.RequiredActor(), Year.Value, Category, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Report = outcome.Value;
        return true;
    }

    /// <summary>The experts that may still be assigned to the selected application.</summary>
    public IEnumerable<AssignmentReport.LoadRow> Candidates(AssignmentReport.AppRow row) =>
        Report!.Load.Where(l => l.Eligible && row.Excluded.All(x => x.ExpertId != l.ExpertId) && !row.Experts.Contains(l.Name));
}
