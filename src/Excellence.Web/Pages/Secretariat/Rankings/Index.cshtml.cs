using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Ranking;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Rankings;

/// <summary>
/// 成果初审排名 of one year and category: the ranking with flags and proposed levels, the calibration tab, the score
/// export and 确定初审结果 (with ticks for extra benchmark candidates).
/// </summary>
public sealed class IndexModel(AppDb db, GetRankings.Handler rankings, GetCalibration.Handler calibration, FinalizeRankings.Handler finalize,
    ExportScores.Handler export, StringCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty] public List<Guid> Candidates { get; set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];
    public GetRankings.Result? Result { get; private set; }
    public IReadOnlyList<GetCalibration.Row> Calibration { get; private set; } = [];
    public bool CalibrationTab => Tab == "calibration";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var outcome = await export.HandleAsync(HttpContext.RequiredActor(), Year ?? 0, Category, CultureInfo.CurrentUICulture);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk)
        {
            outcome.Reason?.AddTo(ModelState, catalog);
            outcome.Errors.AddTo(ModelState, catalog, "");
            await LoadAsync();
            return Page();
        }
        return File(outcome.Value!, ExportScores.ContentType, $"scores-{Year}-{Category}.xlsx");
    }

    public async Task<IActionResult> OnPostFinalizeAsync()
    {
        var outcome = await finalize.HandleAsync(HttpContext.RequiredActor(), new FinalizeRankings.Command(Year ?? 0, Category, Candidates));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            var r = outcome.Value!;
            TempData["Flash"] = catalog.Text("Ranking.Finalize.Done", CultureInfo.CurrentUICulture, r.Finalized, r.ToPanelReview, r.Proposed, r.Pending);
            return Redirect(Link());
        }
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Years = await db.Rounds.OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync();
        Year ??= Years.FirstOrDefault();
        if (Category is null || Year is null or 0) return;
        var actor = HttpContext.RequiredActor();
        var outcome = await rankings.HandleAsync(actor, new GetRankings.Query(Year.Value, Category, Sort));
        if (outcome.IsOk) Result = outcome.Value;
        else if (outcome.Reason is not null && outcome.Kind != OutcomeKind.NotFound) outcome.Reason.AddTo(ModelState, catalog);
        if (CalibrationTab && Result is not null)
        {
            var cal = await calibration.HandleAsync(actor, Year.Value, Category);
            if (cal.IsOk) Calibration = cal.Value!;
        }
    }

    public string Link(string? sort = null, string? tab = null, string? handler = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture), ["category"] = Category?.ToString(), ["sort"] = sort ?? Sort,
            ["tab"] = tab ?? Tab, ["handler"] = handler,
        };
        return "/Secretariat/Rankings" + QueryString.Create(q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string SortLink(string key) => Link(sort: Sort == key ? "-" + key : key);

    public static string Number(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";
}
