using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Expert.Applications;

/// <summary>The assigned expert reads the application, read-only and without personal data (Active assignment only).</summary>
public sealed class DetailsModel(GetApplication.Handler get) : PageModel
{
    public GetApplication.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value!;
        return Page();
    }
}
