using Excellence.Web.Domain.Panels;
using Excellence.Web.Features;
using Excellence.Web.Features.Panels;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert.Panels;

/// <summary>
/// A member's view of a meeting: only the items it is not recused on (asking for another answers 404), each with
/// its vote form; the chair also notes and concludes.
/// </summary>
public sealed class DetailsModel(GetPanelMeeting.Handler get, CastPanelVote.Handler vote, StringCatalog catalog) : PageModel
{
    public PanelMeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<PanelItemView> Items { get; private set; } = [];

    [BindProperty] public decimal? Score { get; set; }
    [BindProperty] public PanelLevel? Level { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? item) => await LoadAsync(id, item) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(Guid id, Guid applicationId)
    {
        var outcome = await vote.HandleAsync(HttpContext.RequiredActor(), new CastPanelVote.Command(id, applicationId, Score, Level));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) return RedirectToPage(new { id, item = (Guid?)null });
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        return await LoadAsync(id, applicationId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? item)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        Meeting = outcome.Value!;
        Items = item is { } a ? Meeting.Items.Where(i => i.ApplicationId == a).ToList() : Meeting.Items;
        return item is null || Items.Count == 1;
    }
}
