using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Secretariat;

/// <summary>The secretariat's starting page: where the current year stands and a way into every area.</summary>
public static class Workbench
{
    public sealed record Summary(
        int? Year, DateTime? Deadline, IReadOnlyDictionary<Stage, int> ApplicationsByStage, int Recommenders,
        int SubmittedDiagnoses, int? IndicatorSystemNumber, int ActiveUsers, long AuditEntries);

    public sealed class Handler(AppDb db)
    {
        public async Task<Summary> HandleAsync(CancellationToken ct = default)
        {
            var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year)
                .Select(r => new { r.Year, r.SubmissionDeadline }).FirstOrDefaultAsync(ct);
            var byStage = round is null
                ? new Dictionary<Stage, int>()
                : await db.Applications.AsNoTracking().Where(a => a.Year == round.Year)
                    .GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var system = await db.IndicatorSystems.AsNoTracking().Where(s => s.Status == IndicatorSystemStatus.Published)
                .OrderByDescending(s => s.Number).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct);
            return new Summary(
                round?.Year, round?.SubmissionDeadline, byStage,
                await db.RecommenderUnits.CountAsync(r => r.IsActive, ct),
                await db.Diagnoses.CountAsync(d => d.Status == DiagnosisStatus.Submitted, ct),
                system,
                await db.Users.CountAsync(u => !u.IsDisabled, ct),
                await db.AuditEvents.LongCountAsync(ct));
        }
    }
}
