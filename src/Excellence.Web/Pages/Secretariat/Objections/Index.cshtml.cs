using Excellence.Web.Domain.Notices;
using Excellence.Web.Features.Notices;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Objections;

/// <summary>异议 to investigate: every objection, newest first, the objector masked.</summary>
public sealed class IndexModel(ListObjections.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)] public ObjectionStatus? Status { get; set; }
    public IReadOnlyList<ObjectionRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await list.HandleAsync(HttpContext.RequiredActor(), Status, HttpContext.RequestAborted);
        if (!outcome.IsOk) return Forbid();
        Rows = outcome.Value!;
        return Page();
    }
}
