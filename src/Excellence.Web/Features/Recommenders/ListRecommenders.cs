using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Recommenders;

/// <summary>Recommending units for the secretariat, filtered by kind and by text (name or contact).</summary>
public static class ListRecommenders
{
    public sealed record Query(RecommenderKind? Kind, string? Text);

    public sealed record Row(Guid Id, string Name, RecommenderKind Kind, string? District, string ContactName,
        string ContactPhoneMasked, string ContactEmail, bool IsActive, int Users);

    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<Row>> Handle(Query query, CancellationToken ct = default)
        {
            var units = db.RecommenderUnits.AsNoTracking();
            if (query.Kind is { } kind) units = units.Where(u => u.Kind == kind);
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var text = query.Text.Trim();
                units = units.Where(u => u.Name.Contains(text) || u.ContactName.Contains(text) || u.ContactEmail.Contains(text));
            }
            return await units.OrderBy(u => u.Kind).ThenBy(u => u.Name)
                .Select(u => new Row(u.Id, u.Name, u.Kind, u.District, u.ContactName, u.ContactPhoneMasked, u.ContactEmail, u.IsActive,
                    db.Users.Count(x => x.RecommenderUnitId == u.Id)))
                .ToListAsync(ct);
        }
    }
}
