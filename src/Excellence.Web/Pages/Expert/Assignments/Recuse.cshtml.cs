using Excellence.Web.Features;
using Excellence.Web.Features.Assignments;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Expert.Assignments;

/// <summary>The assigned expert declares a conflict of interest (回避): a confirm form with the reason.</summary>
public sealed class RecuseModel(GetRecusal.Handler get, RecuseAssignment.Handler recuse, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    public GetRecusal.View? View { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await recuse.HandleAsync(HttpContext.RequiredActor(), new RecuseAssignment.Command(id, Reason), HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Recuse.Done"].Value;
            return Redirect($"/Expert/Assignments/Recuse/{id}");
        }
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        View = (await get.HandleAsync(HttpContext.RequiredActor(), id, HttpContext.RequestAborted)).Value;
        return Page();
    }
}
