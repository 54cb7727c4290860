using Excellence.Web.Api;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Staff.Users;

/// <summary>Accounts with filters (role, text, disabled) and paging.</summary>
public sealed class IndexModel(ListUsers.Handler list) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"active", "disabled" or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ListPage<ListUsers.Row> Result { get; private set; } = new([], 0, 1, PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var disabled = Status switch { "active" => false, "disabled" => (bool?)true, _ => null };
        var outcome = await list.Handle(HttpContext.RequiredActor(),
            new ListUsers.Query(Role, Q, disabled, Math.Max(1, PageNumber), PageSize), HttpContext.RequestAborted);
        if (!outcome.IsOk) return Forbid();
        Result = outcome.Value!;
        return Page();
    }

    public string PageLink(int page) =>
        $"/Staff/Users?role={Uri.EscapeDataString(Role ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&page={page}";
}
