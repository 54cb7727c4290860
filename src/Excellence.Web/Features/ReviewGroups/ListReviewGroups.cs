using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.ReviewGroups;

/// <summary>The review groups of a year (optionally one category), with leaders and members by name.</summary>
public static class ListReviewGroups
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<IReadOnlyList<ReviewGroupView>>> HandleAsync(Actor actor, int year, Category? category = null, Guid? id = null,
            CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<IReadOnlyList<ReviewGroupView>>.Denied(may);
            var q = db.ReviewGroups.AsNoTracking().Include(g => g.Members).Where(g => g.Year == year);
            if (category is { } c) q = q.Where(g => g.Category == c);
            if (id is { } gid) q = q.Where(g => g.Id == gid);
            var groups = await q.ToListAsync(ct);
            var ids = groups.SelectMany(g => g.Members.Select(m => m.ExpertId)).Distinct().ToList();
            var names = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => (e.Name, e.OrganizationName), ct);
            IReadOnlyList<ReviewGroupView> views = groups.OrderBy(g => g.Category).ThenBy(g => g.Name).Select(g => new ReviewGroupView(
                g.Id, g.Year, g.Category, g.Name, g.LeaderExpertId,
                g.LeaderExpertId is { } l && names.TryGetValue(l, out var leader) ? leader.Name : null,
                g.Members.Select(m => new ReviewGroupMemberView(m.ExpertId, names.GetValueOrDefault(m.ExpertId).Name ?? "",
                    names.GetValueOrDefault(m.ExpertId).OrganizationName ?? "")).OrderBy(m => m.Name).ToList(), g.Version)).ToList();
            return Outcome<IReadOnlyList<ReviewGroupView>>.Ok(views);
        }
    }
}
