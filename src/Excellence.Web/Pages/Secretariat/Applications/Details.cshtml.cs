using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Applications;

/// <summary>Every field of one application, the resident ID masked (revealed only on a logged request), with its history.</summary>
public sealed class DetailsModel(GetApplication.Handler get, RevealResidentId.Handler reveal) : PageModel
{
    public GetApplication.View View { get; private set; } = null!;
    public string? RevealedResidentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await reveal.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return NotFound();
        RevealedResidentId = outcome.Value;
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
