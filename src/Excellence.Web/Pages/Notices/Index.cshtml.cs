using Excellence.Web.Features.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Notices;

/// <summary>公示: the current and past notices, public.</summary>
[AllowAnonymous]
public sealed class IndexModel(GetNotice.Handler get) : PageModel
{
    public IReadOnlyList<NoticeSummary> Notices { get; private set; } = [];

    public async Task OnGetAsync() => Notices = await get.ListAsync(HttpContext.RequestAborted);
}
