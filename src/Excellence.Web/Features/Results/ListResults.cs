using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>
/// The final results list, public: every standing certificate of the published years, filtered by year, category and
/// level. Only applicants who consented are named; the others show as undisclosed with their category and level.
/// </summary>
public static class ListResults
{
    public sealed record Query(int? Year, Category? Category, Level? Level, int Page = 1, int PageSize = 50);

    /// <summary>A row; <see cref="Name"/>, <see cref="Organization"/> and <see cref="Title"/> are null when not disclosed.</summary>
    public sealed record Row(int Year, Category Category, Level Level, bool Disclosed, string? Name, string? Organization, string? Title);

    public sealed record Result(IReadOnlyList<Row> Items, int Total, int Page, int PageSize, IReadOnlyList<int> Years);

    public sealed class Handler(AppDb db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken ct = default)
        {
            var years = await db.Publications.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
            var certificates = db.Certificates.AsNoTracking().Where(c => c.RevokedAt == null);
            if (query.Year is { } year) certificates = certificates.Where(c => c.Year == year);
            if (query.Category is { } category) certificates = certificates.Where(c => c.Category == category);
            if (query.Level is { } level) certificates = certificates.Where(c => c.Level == level);
            var rows = await (from c in certificates
                              join a in db.Applications on c.ApplicationId equals a.Id
                              select new { c.Year, c.Category, c.Level, c.Sequence, c.HolderName, c.OrganizationName, c.Title, a.ConsentToPublish })
                .ToListAsync(ct);
            // Small lists (tens to hundreds a year): ordered here, where enums sort by their meaning, not their stored name.
            var ordered = rows.OrderByDescending(r => r.Year).ThenBy(r => r.Category).ThenBy(r => r.Level).ThenBy(r => r.Sequence)
                .Select(r => r.ConsentToPublish
                    ? new Row(r.Year, r.Category, r.Level, true, r.HolderName,
                        r.Category == Domain.Category.IndividualExperience ? r.OrganizationName : null, r.Title)
                    : new Row(r.Year, r.Category, r.Level, false, null, null, null))
                .ToList();
            var page = Math.Max(1, query.Page);
            var size = Math.Clamp(query.PageSize, 1, 1000);
            return new Result(ordered.Skip((page - 1) * size).Take(size).ToList(), ordered.Count, page, size, years);
        }
    }
}
