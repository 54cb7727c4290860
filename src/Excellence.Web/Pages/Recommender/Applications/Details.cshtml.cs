using Excellence.Web.Domain.Applications;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Recommender.Applications;

/// <summary>The recommender reads the form and writes its opinion: recommend, or return with a reason.</summary>
public sealed class DetailsModel(GetApplication.Handler get, RecommendApplication.Handler recommend, StringCatalog catalog) : PageModel
{
    public GetApplication.View View { get; private set; } = null!;

    [BindProperty] public RecommendationDecision? Decision { get; set; }
    [BindProperty] public string? Opinion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await recommend.HandleAsync(HttpContext.RequiredActor(), new RecommendApplication.Command(id, Decision, Opinion));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text(Decision == RecommendationDecision.Return ? "Recommendation.ReturnedFlash" : "Recommendation.RecommendedFlash",
                System.Globalization.CultureInfo.CurrentUICulture);
            return Redirect($"/Recommender/Applications/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }
}
