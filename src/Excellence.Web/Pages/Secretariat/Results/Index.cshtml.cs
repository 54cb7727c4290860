using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Results;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Results;

/// <summary>The secretariat publishes a year's results, downloads its certificates and revokes one with a reason.</summary>
public sealed class IndexModel(ResultsOverview.Handler overview, PublishResults.Handler publish, RevokeCertificate.Handler revoke, StringCatalog catalog) : PageModel
{
    public ResultsOverview.View View { get; private set; } = null!;
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(int? year) => await LoadAsync(year) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int year)
    {
        var outcome = await publish.HandleAsync(HttpContext.RequiredActor(), new PublishResults.Command(year));
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Results.PublishedFlash", Culture, outcome.Value!.Categories.Sum(c => c.Recognised));
            return Redirect($"/Secretariat/Results?year={year}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.Reason?.AddTo(ModelState, catalog);
        await LoadAsync(year);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int year)
    {
        var outcome = await revoke.HandleAsync(HttpContext.RequiredActor(), new RevokeCertificate.Command(Number ?? "", Reason, Version));
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Results.RevokedFlash", Culture, outcome.Value!.Number);
            return Redirect($"/Secretariat/Results?year={year}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog, "");
        outcome.Reason?.AddTo(ModelState, catalog);
        await LoadAsync(year);
        return Page();
    }

    private async Task<bool> LoadAsync(int? year)
    {
        var outcome = await overview.HandleAsync(HttpContext.RequiredActor(), year);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }
}
