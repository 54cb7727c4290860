using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>
/// The report of a submitted diagnosis, from its stored result and the version it was answered with:
/// weakest dimensions, suggested category, change since the previous one, and the peer quartile.
/// </summary>
public static class GetReport
{
    public sealed record Change(Guid PreviousId, DateTime PreviousSubmittedAt, decimal PreviousTotal, string PreviousLevel,
        decimal TotalDelta, IReadOnlyDictionary<string, decimal?> DimensionDeltas);

    public sealed record Report(
        Guid Id, string OrganizationName, int SystemNumber, DateTime SubmittedAt, IndicatorDefinition System,
        DiagnosisResult Result, IReadOnlyList<WeakDimension> Weakest, Category? SuggestedCategory,
        Change? Change, PeerStanding? Peers, IReadOnlyDictionary<string, string> Answers);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Report>> Handle(Actor actor, Guid id, CancellationToken ct = default)
        {
            var diagnosis = await db.Diagnoses.AsNoTracking().Include(d => d.DimensionScores).FirstOrDefaultAsync(d => d.Id == id, ct);
            if (diagnosis is null) return Outcome<Report>.NotFound();
            var decision = Permissions.CanReadDiagnosis(actor, diagnosis.OrganizationId);
            if (!decision) return Outcome<Report>.Denied(decision);
            if (!diagnosis.IsSubmitted) return Outcome<Report>.Conflict(new Problem("Diagnosis.NotSubmitted"));

            var system = (await DiagnosisQueries.SystemOf(db, diagnosis, ct)).Definition;
            var result = diagnosis.Result!;
            var orgName = await db.Organizations.Where(o => o.Id == diagnosis.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            return Outcome<Report>.Ok(new Report(diagnosis.Id, orgName, diagnosis.SystemNumber, diagnosis.SubmittedAt!.Value, system, result,
                Advice.Weakest(system, result, diagnosis.Answers), Advice.SuggestedCategory(system, result),
                await ChangeSince(diagnosis, result, ct), await Peers(diagnosis, result, ct), diagnosis.Answers));
        }

        private async Task<Change?> ChangeSince(Domain.Diagnosis.Diagnosis diagnosis, DiagnosisResult result, CancellationToken ct)
        {
            var previous = await db.Diagnoses.AsNoTracking().Include(d => d.DimensionScores)
                .Where(d => d.OrganizationId == diagnosis.OrganizationId && d.Status == DiagnosisStatus.Submitted
                            && d.SubmittedAt < diagnosis.SubmittedAt)
                .OrderByDescending(d => d.SubmittedAt).FirstOrDefaultAsync(ct);
            if (previous?.Result is not { } before) return null;
            var old = before.Dimensions.ToDictionary(d => d.Code, d => d.Score);
            return new Change(previous.Id, previous.SubmittedAt!.Value, before.Total, before.Level, result.Total - before.Total,
                result.Dimensions.ToDictionary(d => d.Code,
                    d => d.Score is { } now && old.GetValueOrDefault(d.Code) is { } then ? now - then : (decimal?)null));
        }

        /// <summary>
        /// The other organisations of the same industry and scale, each by its latest submitted diagnosis.
        /// Only their totals are read, only to place this one; nothing of theirs leaves this method.
        /// </summary>
        private async Task<PeerStanding?> Peers(Domain.Diagnosis.Diagnosis diagnosis, DiagnosisResult result, CancellationToken ct)
        {
            var latest = await db.Diagnoses.AsNoTracking()
                .Where(d => d.Status == DiagnosisStatus.Submitted && d.Industry == diagnosis.Industry && d.Scale == diagnosis.Scale
                            && d.OrganizationId != diagnosis.OrganizationId)
                .Select(d => new { d.OrganizationId, d.SubmittedAt, d.Total })
                .ToListAsync(ct);
            var totals = latest.GroupBy(d => d.OrganizationId)
                .Select(g => (decimal)g.OrderByDescending(d => d.SubmittedAt).First().Total!.Value).ToList();
            return Advice.Standing(result.Total, totals);
        }
    }
}
