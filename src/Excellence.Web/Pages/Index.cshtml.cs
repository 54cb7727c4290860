using Excellence.Web.Data;
using Excellence.Web.Domain.Rounds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages;

/// <summary>The public home: the current year's notice, timeline, countdown, categories and contacts (also /years/{year}).</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    public Round? Round { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public DateTime Now { get; private set; }
    public RoundStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Years = await db.Rounds.OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync();
        var chosen = year ?? (Years.Count > 0 ? Years[0] : null);
        if (chosen is null) return Page();
        Round = await db.Rounds.AsNoTracking().AsSplitQuery()
            .Include(r => r.Phases.OrderBy(p => p.Order)).Include(r => r.Categories)
            .FirstOrDefaultAsync(r => r.Year == chosen);
        if (Round is null) return NotFound();
        Status = Round.StatusAt(Now);
        return Page();
    }

    public IEnumerable<string> NoticeParagraphs =>
        (Round?.NoticeText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
