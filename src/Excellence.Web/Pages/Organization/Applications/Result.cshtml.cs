using Excellence.Web.Features.Results;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Organization.Applications;

/// <summary>The applicant's result and the experts' feedback, from publication on (before: 404).</summary>
public sealed class ResultModel(GetApplicationResult.Handler get) : PageModel
{
    public GetApplicationResult.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value!;
        return Page();
    }

    /// <summary>专家一, 专家二 … (Chinese numerals up to ten, digits after).</summary>
    public static string Numeral(int n, bool chinese) =>
        chinese && n is >= 1 and <= 10 ? "一二三四五六七八九十"[n - 1].ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
