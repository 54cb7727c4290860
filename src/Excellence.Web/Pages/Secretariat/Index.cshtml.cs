using Excellence.Web.Features.Secretariat;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat;

/// <summary>工作台: the current year at a glance and a way into every area of the secretariat's work.</summary>
public sealed class IndexModel(Workbench.Handler workbench) : PageModel
{
    public Workbench.Summary Summary { get; private set; } = null!;

    public async Task OnGetAsync() => Summary = await workbench.HandleAsync(HttpContext.RequestAborted);
}
