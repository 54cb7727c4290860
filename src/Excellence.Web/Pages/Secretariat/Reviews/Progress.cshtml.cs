using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Reviews;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Reviews;

/// <summary>The preliminary review's progress per expert and per application, and one button to remind the late.</summary>
public sealed class ProgressModel(ReviewProgress.Handler progress, SendReviewReminders.Handler remind, StringCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    public ReviewProgress.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= Shanghai.Today(clock.GetUtcNow()).Year;
        var outcome = await progress.HandleAsync(HttpContext.RequiredActor(), Year.Value, Category, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync()
    {
        Year ??= Shanghai.Today(clock.GetUtcNow()).Year;
        var outcome = await remind.HandleAsync(HttpContext.RequiredActor(), Year.Value, Category, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Flash"] = catalog.Text("Progress.Reminded", CultureInfo.CurrentUICulture, outcome.Value!.Experts, outcome.Value.Sheets);
        return Redirect($"/Secretariat/Reviews/Progress?year={Year}" + (Category is { } c ? $"&category={c}" : ""));
    }
}
