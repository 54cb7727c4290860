using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>One application as its reader may see it, with what the page needs around it.</summary>
public static class GetApplication
{
    public sealed record View(
        ApplicationDto Application, IReadOnlyList<FieldProblem> Missing, IReadOnlyList<FieldProblem> Warnings,
        IReadOnlyList<FieldProblem> EligibilityFailures, Domain.Rounds.RoundCategory Limits, DateTime Deadline,
        bool MayApplyDirectly, bool CanEdit, Decision CanSubmit, bool CanWithdraw, bool CanRecommend,
        IReadOnlyList<StageChange> History)
    {
        public long EvidenceFileLimitMb { get; init; }
        public long EvidenceTotalLimitMb { get; init; }
    }

    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var loaded = await db.LoadAsync(id, ct, tracking: false);
            if (loaded is null) return Outcome<View>.NotFound();
            var (a, org, round, limits) = loaded;
            // An expert reads through an Active assignment only, and never sees personal data (Features/Reviews).
            var assigned = await db.HasActiveAssignmentAsync(actor, id, ct);
            var read = Permissions.CanReadApplication(actor, a, assigned);
            if (!read) return Outcome<View>.Denied(read);

            var now = clock.UtcNow();
            var today = clock.Today();
            var dto = ApplicationShape.ToDto(a, org, await loaded.RecommenderNameAsync(db, ct), today, evidence: await loaded.EvidenceAsync(db, ct));
            if (assigned && !Permissions.CanReadApplication(actor, a)) dto = ReviewLoading.WithoutPersonalData(dto);
            var history = await db.StageChanges.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.At).ToListAsync(ct);
            return Outcome<View>.Ok(new View(dto,
                ApplicationRules.Missing(a, org), ApplicationRules.Limits(a, limits), ApplicationRules.EligibilityFailures(a, org, today),
                limits, round.SubmissionDeadline, org.MayApplyDirectly,
                Permissions.CanEditApplication(actor, a), Permissions.CanSubmitApplication(actor, a, round, now),
                Permissions.CanWithdrawApplication(actor, a), Permissions.CanRecommendApplication(actor, a), history)
            {
                EvidenceFileLimitMb = round.EvidenceFileLimitBytes / (1024 * 1024), EvidenceTotalLimitMb = round.EvidenceTotalLimitBytes / (1024 * 1024),
            });
        }
    }
}
