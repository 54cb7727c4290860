using Excellence.Web.Domain;
using Excellence.Web.Features.Recommenders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Recommenders;

/// <summary>The recommending units, filtered by kind and text.</summary>
public sealed class IndexModel(ListRecommenders.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)] public RecommenderKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<ListRecommenders.Row> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await list.Handle(new ListRecommenders.Query(Kind, Q), HttpContext.RequestAborted);
}
