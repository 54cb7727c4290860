using Excellence.Web.Features.Panels;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert.Panels;

/// <summary>The panel meetings the signed-in expert is a member of.</summary>
public sealed class IndexModel(ListPanelMeetings.Handler list, PanelChoices.Handler choices) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<ListPanelMeetings.Row> Meetings { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        Year = year ?? await choices.CurrentYearAsync();
        Meetings = await list.HandleAsync(HttpContext.RequiredActor(), Year);
    }
}
