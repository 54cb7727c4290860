using System.Globalization;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Recommender.Applications;

/// <summary>The applications that name this recommender unit, and an Excel export of those it recommended.</summary>
public sealed class IndexModel(ListApplications.Handler list, ExportApplications.Handler export, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListApplications.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = (await list.HandleAsync(HttpContext.RequiredActor(), new ListApplications.Query { PageSize = 200, Sort = "-submitted" })).Items;

    public async Task<IActionResult> OnGetExportAsync()
    {
        var bytes = await export.HandleAsync(HttpContext.RequiredActor(),
            new ListApplications.Query { RecommendedOnly = true, Sort = "receipt" }, CultureInfo.CurrentUICulture);
        return File(bytes, ExportApplications.ContentType, $"recommended-{clock.GetUtcNow():yyyyMMdd}.xlsx");
    }
}
