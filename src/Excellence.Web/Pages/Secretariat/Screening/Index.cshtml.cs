using Excellence.Web.Domain;
using Excellence.Web.Features.Screening;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Screening;

/// <summary>The screening queue: in screening, and apart from them those awaiting a supplement with due dates and lateness.</summary>
public sealed class IndexModel(ScreeningQueue.Handler queue) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Stage? Stage { get; set; }

    public ScreeningQueue.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await queue.HandleAsync(HttpContext.RequiredActor(), new ScreeningQueue.Query(Year, Category, Stage));
        if (!outcome.IsOk) return NotFound();
        Result = outcome.Value!;
        return Page();
    }
}
