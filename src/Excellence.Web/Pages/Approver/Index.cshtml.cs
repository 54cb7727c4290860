using Excellence.Web.Features.Approvals;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Approver;

/// <summary>The approver's landing: the approval meetings it is invited to.</summary>
public sealed class IndexModel(ListMeetings.Handler list) : PageModel
{
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    public async Task OnGetAsync() => Meetings = await list.HandleAsync(HttpContext.RequiredActor(), null);
}
