using Excellence.Web.Features.Rounds;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Rounds;

/// <summary>The evaluation years, newest first, with their status and deadline.</summary>
public sealed class IndexModel(ListRounds.Handler list) : PageModel
{
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public async Task OnGetAsync() => Rounds = await list.Handle(HttpContext.RequestAborted);
}
