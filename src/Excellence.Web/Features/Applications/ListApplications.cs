using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// Applications as a list, by role: an applicant its organisation's, a recommender those naming it (once
/// submitted), the secretariat all. The same visibility rule as the detail (Permissions.CanReadApplication).
/// </summary>
public static class ListApplications
{
    public enum PathFilter { Direct, Recommended }

    public sealed class Query
    {
        public int? Year { get; set; }
        public Category? Category { get; set; }
        public Stage? Stage { get; set; }
        public Guid? Recommender { get; set; }
        public string? District { get; set; }
        public Industry? Industry { get; set; }
        public string? Sector { get; set; }
        public OrganizationScale? Scale { get; set; }
        public PathFilter? Path { get; set; }
        /// <summary>Only those the recommender recommended (its export).</summary>
        public bool RecommendedOnly { get; set; }
        public string? Q { get; set; }
        /// <summary>updated, submitted, receipt, organization, title, stage, category; "-" first for descending.</summary>
        public string? Sort { get; set; }
        public int? Page { get; set; }
        public int? PageSize { get; set; }
    }

    public sealed record Row(
        Guid Id, int Year, Category Category, Stage Stage, string? ReceiptNumber, string Title, Guid OrganizationId,
        string OrganizationName, string District, Industry Industry, OrganizationScale Scale, Guid? RecommenderId,
        string? RecommenderName, bool Direct, DateTime? SubmittedAt, DateTime UpdatedAt);

    public sealed record Result(IReadOnlyList<Row> Items, int Total, int Page, int PageSize);

    public sealed class Handler(AppDb db)
    {
        public async Task<Result> HandleAsync(Actor actor, Query query, CancellationToken ct = default, bool all = false)
        {
            var q = from a in db.Applications.AsNoTracking()
                    join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                    from r in db.RecommenderUnits.AsNoTracking().Where(r => r.Id == a.RecommenderUnitId).DefaultIfEmpty()
                    select new { a, o, RecommenderName = r == null ? null : r.Name };

            // Visibility first: the same rule as Permissions.CanReadApplication.
            if (actor.Is(Roles.Secretariat)) { }
            else if (actor.Is(Roles.Applicant) && actor.OrganizationId is { } org && actor.Is(Roles.Recommender) && actor.RecommenderUnitId is { } u)
                q = q.Where(x => x.a.OrganizationId == org || (x.a.RecommenderUnitId == u && !x.a.IsDirect && x.a.SubmittedAt != null));
            else if (actor.Is(Roles.Applicant) && actor.OrganizationId is { } orgId)
                q = q.Where(x => x.a.OrganizationId == orgId);
            else if (actor.Is(Roles.Recommender) && actor.RecommenderUnitId is { } unit)
                q = q.Where(x => x.a.RecommenderUnitId == unit && !x.a.IsDirect && x.a.SubmittedAt != null);
            else q = q.Where(x => false);

            if (query.Year is { } year) q = q.Where(x => x.a.Year == year);
            if (query.Category is { } category) q = q.Where(x => x.a.Category == category);
            if (query.Stage is { } stage) q = q.Where(x => x.a.Stage == stage);
            if (query.Recommender is { } rec) q = q.Where(x => x.a.RecommenderUnitId == rec);
            if (!string.IsNullOrEmpty(query.District)) q = q.Where(x => x.o.District == query.District);
            if (query.Industry is { } industry) q = q.Where(x => x.o.Industry == industry);
            if (!string.IsNullOrEmpty(query.Sector)) q = q.Where(x => x.o.Sectors.Contains(query.Sector));
            if (query.Scale is { } scale) q = q.Where(x => x.o.Scale == scale);
            if (query.Path == PathFilter.Direct) q = q.Where(x => x.a.IsDirect);
            if (query.Path == PathFilter.Recommended) q = q.Where(x => !x.a.IsDirect);
            if (query.RecommendedOnly) q = q.Where(x => x.a.RecommenderDecision == Domain.Applications.RecommendationDecision.Recommend);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var text = query.Q.Trim();
                q = q.Where(x => x.a.Title.Contains(text) || x.o.Name.Contains(text) || (x.a.ReceiptNumber != null && x.a.ReceiptNumber.Contains(text)));
            }

            var descending = query.Sort?.StartsWith('-') ?? true;
            var key = (query.Sort ?? "-updated").TrimStart('-');
            q = (key, descending) switch
            {
                ("submitted", false) => q.OrderBy(x => x.a.SubmittedAt).ThenBy(x => x.a.Id),
                ("submitted", true) => q.OrderByDescending(x => x.a.SubmittedAt).ThenBy(x => x.a.Id),
                ("receipt", false) => q.OrderBy(x => x.a.ReceiptNumber).ThenBy(x => x.a.Id),
                ("receipt", true) => q.OrderByDescending(x => x.a.ReceiptNumber).ThenBy(x => x.a.Id),
                ("organization", false) => q.OrderBy(x => x.o.Name).ThenBy(x => x.a.Id),
                ("organization", true) => q.OrderByDescending(x => x.o.Name).ThenBy(x => x.a.Id),
                ("title", false) => q.OrderBy(x => x.a.Title).ThenBy(x => x.a.Id),
                ("title", true) => q.OrderByDescending(x => x.a.Title).ThenBy(x => x.a.Id),
                ("stage", false) => q.OrderBy(x => x.a.Stage).ThenBy(x => x.a.Id),
                ("stage", true) => q.OrderByDescending(x => x.a.Stage).ThenBy(x => x.a.Id),
                ("category", false) => q.OrderBy(x => x.a.Category).ThenBy(x => x.a.Id),
                ("category", true) => q.OrderByDescending(x => x.a.Category).ThenBy(x => x.a.Id),
                (_, false) => q.OrderBy(x => x.a.UpdatedAt).ThenBy(x => x.a.Id),
                _ => q.OrderByDescending(x => x.a.UpdatedAt).ThenBy(x => x.a.Id),
            };

            var total = await q.CountAsync(ct);
            var (page, size) = all ? (1, 10_000) : Api.ApiResults.Paging(query.Page, query.PageSize);
            var items = await q.Skip((page - 1) * size).Take(size)
                .Select(x => new Row(x.a.Id, x.a.Year, x.a.Category, x.a.Stage, x.a.ReceiptNumber, x.a.Title, x.o.Id, x.o.Name,
                    x.o.District, x.o.Industry, x.o.Scale, x.a.RecommenderUnitId, x.RecommenderName, x.a.IsDirect, x.a.SubmittedAt, x.a.UpdatedAt))
                .ToListAsync(ct);
            return new Result(items, total, page, size);
        }
    }
}
