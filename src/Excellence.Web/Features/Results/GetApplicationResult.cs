using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>
/// The applicant's result: level, block scores and the experts' written feedback without their identities. Exists only
/// once the year and category are published (before that: not found, for everyone).
/// </summary>
public static class GetApplicationResult
{
    /// <summary>One expert's feedback; <see cref="Expert"/> is its place in a stable anonymous order (1 → 专家一).</summary>
    public sealed record ExpertFeedback(int Expert, string Strengths, string Opportunities);

    public sealed record CertificateInfo(string Number, DateOnly IssuedOn, bool Revoked);

    public sealed record View(Guid ApplicationId, int Year, Category Category, string Title, string OrganizationName, string? NomineeName,
        Stage Stage, bool Recognised, Level? Level, IReadOnlyList<ResultBlock> Blocks, IReadOnlyList<ExpertFeedback> Feedback,
        CertificateInfo? Certificate, DateTime PublishedAt);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().Include(x => x.Nominee).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (a is null) return Outcome<View>.NotFound();
            var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Year == a.Year && p.Category == a.Category, ct);
            var may = Permissions.CanReadResult(actor, a, publication is not null);
            if (!may) return Outcome<View>.Denied(may);

            var organization = await db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstAsync(ct);
            var rubric = await db.Rubrics.AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Year == a.Year && r.Category == a.Category, ct);
            var reviews = await db.Reviews.AsNoTracking().Where(r => r.ApplicationId == id && r.Status == ReviewStatus.Submitted).ToListAsync(ct);
            var consensus = await db.Consensus.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == id, ct);
            var blocks = rubric is null ? [] : ResultRules.BlockScores(rubric.Criteria, reviews, rubric.TrimFrom, consensus);
            var feedback = ResultRules.Feedback(reviews).Select((f, i) => new ExpertFeedback(i + 1, f.Strengths, f.Opportunities)).ToList();
            var certificate = await db.Certificates.AsNoTracking().Where(c => c.ApplicationId == id).OrderByDescending(c => c.Sequence)
                .Select(c => new CertificateInfo(c.Number, c.IssuedOn, c.RevokedAt != null)).FirstOrDefaultAsync(ct);
            var recognised = a.Stage == Stage.Published && a.ApprovedLevel is not null;
            return Outcome<View>.Ok(new View(a.Id, a.Year, a.Category, a.Title, organization, a.Nominee?.Name, a.Stage, recognised,
                recognised ? a.ApprovedLevel : null, blocks, feedback, certificate, publication!.PublishedAt));
        }
    }
}
