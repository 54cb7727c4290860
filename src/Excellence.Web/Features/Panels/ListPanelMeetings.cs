using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// The meetings of a year: all of them for the secretariat, a member's own for an expert. The item count is what
/// the caller may see (a recused member does not learn that an item exists).
/// </summary>
public static class ListPanelMeetings
{
    public sealed record Row(Guid Id, string Title, DateTime StartsAt, string Place, int Members, int Items, int Concluded);

    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Actor actor, int year, CancellationToken ct = default)
        {
            var query = db.PanelMeetings.AsNoTracking().Where(m => m.Year == year);
            if (!actor.Is(Roles.Secretariat))
            {
                if (!actor.Is(Roles.Expert) || actor.ExpertId is not { } me) return [];
                query = query.Where(m => m.Members.Any(x => x.ExpertId == me));
            }
            var me2 = actor.Is(Roles.Secretariat) ? (Guid?)null : actor.ExpertId;
            return await query.OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
                .Select(m => new Row(m.Id, m.Title, m.StartsAt, m.Place, m.Members.Count,
                    m.Items.Count(i => me2 == null || !i.Recusals.Any(r => r.ExpertId == me2)),
                    m.Items.Count(i => i.ConcludedAt != null && (me2 == null || !i.Recusals.Any(r => r.ExpertId == me2)))))
                .ToListAsync(ct);
        }
    }
}
