using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>The secretariat's view of a year: what each category awaits, what was published, the certificates.</summary>
public static class ResultsOverview
{
    public sealed record CategoryState(Category Category, int InNotice, int NotApproved, Publication? Publication);

    public sealed record CertificateRow(string Number, Category Category, Level Level, string Holder, string Organization,
        DateOnly IssuedOn, DateTime? RevokedAt, string? RevocationReason, int Version, Guid ApplicationId);

    public sealed record View(int Year, IReadOnlyList<int> Years, IReadOnlyList<CategoryState> Categories, IReadOnlyList<CertificateRow> Certificates);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, int? year, CancellationToken ct = default)
        {
            var may = Permissions.CanPublishResults(actor);
            if (!may) return Outcome<View>.Denied(may);
            var years = await db.Rounds.Select(r => r.Year).OrderByDescending(y => y).ToListAsync(ct);
            var chosen = year ?? (years.Count > 0 ? years[0] : Shanghai.Today(DateTimeOffset.UtcNow).Year);
            var stages = await db.Applications.Where(a => a.Year == chosen && (a.Stage == Stage.PublicNotice || a.Stage == Stage.NotApproved))
                .GroupBy(a => new { a.Category, a.Stage }).Select(g => new { g.Key.Category, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
            var publications = await db.Publications.AsNoTracking().Where(p => p.Year == chosen).ToListAsync(ct);
            var categories = Enum.GetValues<Category>().Select(c => new CategoryState(c,
                stages.Where(s => s.Category == c && s.Stage == Stage.PublicNotice).Sum(s => s.Count),
                stages.Where(s => s.Category == c && s.Stage == Stage.NotApproved).Sum(s => s.Count),
                publications.FirstOrDefault(p => p.Category == c))).ToList();
            var certificates = (await db.Certificates.AsNoTracking().Where(c => c.Year == chosen).ToListAsync(ct))
                .OrderBy(c => c.Category).ThenBy(c => c.Sequence)
                .Select(c => new CertificateRow(c.Number, c.Category, c.Level, c.HolderName, c.OrganizationName, c.IssuedOn, c.RevokedAt,
                    c.RevocationReason, c.Version, c.ApplicationId)).ToList();
            return Outcome<View>.Ok(new View(chosen, years, categories, certificates));
        }
    }
}
