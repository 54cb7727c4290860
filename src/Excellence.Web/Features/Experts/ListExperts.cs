using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Experts;

/// <summary>The expert pool, filtered (text, category, active) and paged, for the secretariat.</summary>
public static class ListExperts
{
    public sealed record Query(string? Q = null, Category? Category = null, bool? Active = null, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, string Name, string OrganizationName, string Title, string Email, string PhoneMasked,
        IReadOnlyList<Category> Categories, IReadOnlyList<Industry> Industries, bool IsActive, bool HasAccount, int Version);

    public sealed record Result(IReadOnlyList<Row> Items, int Total, int Page, int PageSize);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Query query, CancellationToken ct = default, bool all = false)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Result>.Denied(may);
            var q = db.Experts.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim();
                q = q.Where(e => e.Name.Contains(text) || e.OrganizationName.Contains(text) || e.Email.Contains(text) || e.Title.Contains(text));
            }
            if (query.Active is { } active) q = q.Where(e => e.IsActive == active);
            // Categories is a JSON column: filter in memory (the pool is a few hundred people).
            var rows = await q.OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
            if (query.Category is { } c) rows = rows.Where(e => e.Categories.Contains(c)).ToList();
            var page = Math.Max(1, query.Page);
            var size = Math.Clamp(query.PageSize, 1, 200);
            var items = (all ? rows : rows.Skip((page - 1) * size).Take(size))
                .Select(e => new Row(e.Id, e.Name, e.OrganizationName, e.Title, e.Email, e.PhoneMasked, e.Categories, e.Industries,
                    e.IsActive, e.UserId is not null, e.Version)).ToList();
            return Outcome<Result>.Ok(new Result(items, rows.Count, page, size));
        }
    }
}
