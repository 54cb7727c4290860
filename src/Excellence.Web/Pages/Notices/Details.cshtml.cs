using Excellence.Web.Features.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Notices;

/// <summary>One notice: the period, the published rows (only what each applicant consented to) and how to object.</summary>
[AllowAnonymous]
public sealed class DetailsModel(GetNotice.Handler get) : PageModel
{
    public NoticeView Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await get.HandleAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Notice = outcome.Value!;
        return Page();
    }
}
