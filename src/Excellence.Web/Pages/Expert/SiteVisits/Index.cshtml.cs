using Excellence.Web.Features.Panels;
using Excellence.Web.Features.SiteVisits;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert.SiteVisits;

/// <summary>The site visits the signed-in expert is on the team of.</summary>
public sealed class IndexModel(ListSiteVisits.Handler list, PanelChoices.Handler choices) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<ListSiteVisits.Row> Visits { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        Year = year ?? await choices.CurrentYearAsync();
        Visits = await list.HandleAsync(HttpContext.RequiredActor(), Year);
    }
}
