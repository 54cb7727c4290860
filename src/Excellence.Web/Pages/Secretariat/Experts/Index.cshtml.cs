using Excellence.Web.Domain;
using Excellence.Web.Features.Experts;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Experts;

/// <summary>The expert pool: filters, paging, links to add, import and export.</summary>
public sealed class IndexModel(ListExperts.Handler list, ExportExperts.Handler export) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Active { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ListExperts.Result Result { get; private set; } = new([], 0, 1, PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await list.HandleAsync(HttpContext.RequiredActor(), new ListExperts.Query(Q, Category, Active, Math.Max(1, PageNumber), PageSize),
            HttpContext.RequestAborted);
        if (!outcome.IsOk) return Forbid();
        Result = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var outcome = await export.HandleAsync(HttpContext.RequiredActor(), new ListExperts.Query(Q, Category, Active), HttpContext.RequestAborted);
        if (!outcome.IsOk) return Forbid();
        return File(outcome.Value!, ExportExperts.ContentType, "experts.xlsx");
    }

    public string PageLink(int page) =>
        $"/Secretariat/Experts?q={Uri.EscapeDataString(Q ?? "")}&category={Category}&active={Active}&p={page}";
}
