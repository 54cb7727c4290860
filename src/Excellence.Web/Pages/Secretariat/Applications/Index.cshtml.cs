using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Applications;

/// <summary>Every application: filters, sorting, paging, and the filtered list as Excel.</summary>
public sealed class IndexModel(AppDb db, ListApplications.Handler list, ExportApplications.Handler export, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ListApplications.Query Filter { get; set; } = new();
    public ListApplications.Result Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<RecommenderUnit> Recommenders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Years = await db.Rounds.OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync();
        Recommenders = await db.RecommenderUnits.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        Result = await list.HandleAsync(HttpContext.RequiredActor(), Filter);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var bytes = await export.HandleAsync(HttpContext.RequiredActor(), Filter, CultureInfo.CurrentUICulture);
        return File(bytes, ExportApplications.ContentType, $"applications-{clock.GetUtcNow():yyyyMMdd-HHmm}.xlsx");
    }

    /// <summary>The current filters as a query string with some values replaced (sorting and paging links).</summary>
    public string Link(string? sort = null, int? page = null, string? handler = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["Year"] = Filter.Year?.ToString(CultureInfo.InvariantCulture), ["Category"] = Filter.Category?.ToString(),
            ["Stage"] = Filter.Stage?.ToString(), ["Recommender"] = Filter.Recommender?.ToString(), ["District"] = Filter.District,
            ["Industry"] = Filter.Industry?.ToString(), ["Sector"] = Filter.Sector, ["Scale"] = Filter.Scale?.ToString(),
            ["Path"] = Filter.Path?.ToString(), ["Q"] = Filter.Q, ["Sort"] = sort ?? Filter.Sort,
            ["Page"] = (page ?? Filter.Page)?.ToString(CultureInfo.InvariantCulture), ["PageSize"] = Filter.PageSize?.ToString(CultureInfo.InvariantCulture),
            ["handler"] = handler,
        };
        return "/Secretariat/Applications" + Microsoft.AspNetCore.Http.QueryString.Create(q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>Clicking a sorted column's header turns its direction.</summary>
    public string SortLink(string key) => Link(sort: Filter.Sort == key ? "-" + key : key, page: 1);
}
