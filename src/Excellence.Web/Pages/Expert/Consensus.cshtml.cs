using System.Globalization;
using Excellence.Web.Features;
using Excellence.Web.Features.Ranking;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert;

/// <summary>组长合议: the group leader sees the experts' scores and flags of one application and records the consensus.</summary>
public sealed class ConsensusModel(GetConsensusSheet.Handler get, RecordConsensus.Handler record, StringCatalog catalog) : PageModel
{
    public sealed class ConsensusInput
    {
        public decimal? Score { get; set; }
        public Dictionary<string, decimal?> BlockPoints { get; set; } = [];
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public ConsensusInput Input { get; set; } = new();
    public ConsensusSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid applicationId)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), applicationId);
        if (!outcome.IsOk) return Refused(outcome);
        Sheet = outcome.Value!;
        if (Sheet.Existing is { } c)
        {
            Input.Score = c.Score;
            Input.Reason = c.Reason;
            Input.Version = c.Version;
            Input.BlockPoints = c.BlockPoints.ToDictionary(kv => kv.Key, kv => (decimal?)kv.Value);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId)
    {
        var actor = HttpContext.RequiredActor();
        var outcome = await record.HandleAsync(actor, new RecordConsensus.Command(applicationId, Input.Score, Input.BlockPoints, Input.Reason, Input.Version));
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Ranking.Consensus.Saved", CultureInfo.CurrentUICulture);
            return Redirect($"/Expert/Consensus/{applicationId}");
        }
        if (outcome.Kind is OutcomeKind.NotFound) return NotFound();
        var sheet = await get.HandleAsync(actor, applicationId);
        if (!sheet.IsOk) return Refused(sheet);
        Sheet = sheet.Value!;
        outcome.Errors.AddTo(ModelState, catalog);
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        if (outcome.Kind == OutcomeKind.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private IActionResult Refused<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => NotFound(),
    };

    public static string Number(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";
}
