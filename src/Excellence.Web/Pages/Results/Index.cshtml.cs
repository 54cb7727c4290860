using Excellence.Web.Domain;
using Excellence.Web.Features.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Results;

/// <summary>The public final results (/results?year=&amp;category=&amp;level=), with Article 19's rule of use. Mobile-first cards.</summary>
[AllowAnonymous]
public sealed class IndexModel(ListResults.Handler list) : PageModel
{
    public int? Year { get; private set; }
    public Category? Category { get; private set; }
    public Level? Level { get; private set; }
    public ListResults.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(int? year, Category? category, Level? level, int? p)
    {
        Category = category;
        Level = level;
        var years = (await list.HandleAsync(new ListResults.Query(null, null, null, 1, 1))).Years;
        Year = year ?? (years.Count > 0 ? years[0] : null);
        Result = await list.HandleAsync(new ListResults.Query(Year, category, level, Math.Max(1, p ?? 1), 200));
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        if (Year is { } y) parts.Add("year=" + y);
        if (Category is { } c) parts.Add("category=" + c);
        if (Level is { } l) parts.Add("level=" + l);
        if (page is { } p) parts.Add("p=" + p);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
