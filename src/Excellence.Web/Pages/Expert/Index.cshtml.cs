using Excellence.Web.Features.Reviews;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert;

/// <summary>The expert's landing page: its queue of Active assignments, unfinished first.</summary>
public sealed class IndexModel(ListAssignments.Handler list) : PageModel
{
    public IReadOnlyList<ListAssignments.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await list.HandleAsync(HttpContext.RequiredActor(), null, HttpContext.RequestAborted);
}
