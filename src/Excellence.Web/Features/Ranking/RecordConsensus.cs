using Excellence.Web.Data;
using Excellence.Web.Data.Queries;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Ranking;

/// <summary>What the group leader sees before the consensus: the application, the sheets, the aggregate and flags.</summary>
public sealed record ConsensusSheet(
    Guid ApplicationId, string? ReceiptNumber, string Title, Guid ReviewGroupId, IReadOnlyList<BlockSpec> Blocks,
    IReadOnlyList<ConsensusSheet.Sheet> Sheets, AggregateScore Aggregate, LevelProposal Proposal, bool AllSubmitted, bool Eligible,
    Consensus? Existing)
{
    public sealed record Sheet(Guid ExpertId, string ExpertName, decimal Total, IReadOnlyDictionary<string, decimal> BlockPoints, bool Veto);
}

/// <summary>Loads the consensus context of one application for the acting expert, checking that it leads the group.</summary>
public static class ConsensusContext
{
    public static async Task<Outcome<ConsensusSheet>> LoadAsync(AppDb db, Actor actor, Guid applicationId, CancellationToken ct)
    {
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
        if (a is null) return Outcome<ConsensusSheet>.NotFound();
        var groupIds = await db.Assignments.AsNoTracking()
            .Where(x => x.ApplicationId == a.Id && x.Status == AssignmentStatus.Active && x.ReviewGroupId != null)
            .Select(x => x.ReviewGroupId!.Value).Distinct().ToListAsync(ct);
        var group = groupIds.Count > 0
            ? await db.ReviewGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupIds[0], ct)
            : await db.ReviewGroups.AsNoTracking().Where(g => g.Year == a.Year && g.Category == a.Category).OrderBy(g => g.Name).FirstOrDefaultAsync(ct);
        var assigned = actor.ExpertId is { } me && await db.Assignments.AnyAsync(x => x.ApplicationId == a.Id && x.ExpertId == me && x.Status == AssignmentStatus.Active, ct);
        var may = Permissions.CanRecordConsensus(actor, a, group?.LeaderExpertId, assigned);
        if (!may) return Outcome<ConsensusSheet>.Denied(may);

        var world = await RankingQuery.LoadAsync(db, a.Year, a.Category, a.Id, ct);
        if (world is null) return Outcome<ConsensusSheet>.Conflict(new Problem("Ranking.NoRubric"));
        var row = RankingBoard.Rows(world).FirstOrDefault();
        if (row is null) return Outcome<ConsensusSheet>.NotFound();
        var experts = world.Sheets.Select(s => s.ExpertId).Distinct().ToList();
        var names = await db.Experts.AsNoTracking().Where(e => experts.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var sheets = world.Sheets.Where(s => s.Status == ReviewStatus.Submitted)
            .Select(s => new ConsensusSheet.Sheet(s.ExpertId, names.GetValueOrDefault(s.ExpertId, ""), s.Total,
                Aggregation.BlockPoints(world.Rubric.Criteria, s.Scores), s.Veto is not null))
            .OrderByDescending(s => s.Total).ToList();
        // Without the consensus: is the application flagged, or at the benchmark score with a gate unmet (the worked example)?
        var plain = Aggregation.Aggregate(world.Sheets.Where(s => s.Status == ReviewStatus.Submitted).Select(s => RankingBoard.ToScore(world.Rubric, s)).ToList(),
            RankingBoard.Blocks(world.Rubric), AggregationRules.Of(world.Rubric));
        var plainLevel = Levels.Propose(LevelRules.Of(world.Rubric), plain);
        var eligible = plain.Divergent || plainLevel.UnmetGates.Count > 0;
        return Outcome<ConsensusSheet>.Ok(new ConsensusSheet(a.Id, a.ReceiptNumber, a.Title, group!.Id, RankingBoard.Blocks(world.Rubric), sheets,
            row.Aggregate, row.Proposal, row.Complete, eligible, world.Consensus.FirstOrDefault()));
    }
}

/// <summary>The leader's view of the consensus page.</summary>
public static class GetConsensusSheet
{
    public sealed class Handler(AppDb db)
    {
        public Task<Outcome<ConsensusSheet>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct = default) =>
            ConsensusContext.LoadAsync(db, actor, applicationId, ct);
    }
}

/// <summary>
/// 组长合议: the review group's leader records a consensus score (and, optionally, agreed block points) with a reason,
/// for an application flagged for divergence or at the benchmark score with a block gate unmet, once every assigned
/// expert has submitted. The original sheets stay. A second recording revises it (naming the version it read).
/// </summary>
public static class RecordConsensus
{
    public sealed record Command(Guid ApplicationId, decimal? Score, IReadOnlyDictionary<string, decimal?>? BlockPoints, string? Reason, int? ExpectedVersion);

    public sealed record View(Guid Id, Guid ApplicationId, decimal Score, IReadOnlyDictionary<string, decimal> BlockPoints, string Reason, DateTime At, int Version);

    public static View ViewOf(Consensus c) => new(c.Id, c.ApplicationId, c.Score, c.BlockPoints, c.Reason, c.At, c.Version);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var context = await ConsensusContext.LoadAsync(db, actor, command.ApplicationId, ct);
            if (!context.IsOk) return context.As<View>();
            var sheet = context.Value!;
            if (!sheet.AllSubmitted) return Outcome<View>.Conflict(new Problem("Ranking.Consensus.ReviewsPending"));
            if (!sheet.Eligible) return Outcome<View>.Conflict(new Problem("Ranking.Consensus.NotFlagged"));

            var errors = new FieldProblems();
            if (command.Score is not { } score) errors.Add("score", "Validation.Required");
            else if (score < 0 || score > 100) errors.Add("score", "Ranking.Consensus.ScoreRange");
            else if (Aggregation.Round1(score) != score) errors.Add("score", "Ranking.Consensus.OneDecimal");
            var blocks = new Dictionary<string, decimal>();
            foreach (var (block, value) in command.BlockPoints ?? new Dictionary<string, decimal?>())
            {
                if (value is not { } points) continue;
                var spec = sheet.Blocks.FirstOrDefault(b => b.Block == block);
                if (spec is null) errors.Add($"blockPoints.{block}", "Ranking.Consensus.UnknownBlock");
                else if (points < 0 || points > spec.MaxPoints) errors.Add($"blockPoints.{block}", "Ranking.Consensus.BlockRange", spec.MaxPoints);
                else blocks[block] = points;
            }
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) errors.Add("reason", "Validation.Required");
            else if (reason.Length > 4000) errors.Add("reason", "Validation.TooLong", 4000);
            if (errors.Count > 0) return Outcome<View>.Invalid(errors);

            var existing = await db.Consensus.FirstOrDefaultAsync(c => c.ApplicationId == command.ApplicationId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (existing is null)
            {
                existing = new Consensus { ApplicationId = command.ApplicationId, ReviewGroupId = sheet.ReviewGroupId };
                db.Consensus.Add(existing);
            }
            else
            {
                if (command.ExpectedVersion is not { } expected) return Outcome<View>.Conflict(new Problem("Ranking.Consensus.VersionRequired"));
                if (expected != existing.Version) return Outcome<View>.Stale();
                existing.Version++;
            }
            existing.Score = command.Score!.Value;
            existing.BlockPoints = blocks;
            existing.Reason = reason;
            existing.ByExpertId = actor.ExpertId!.Value;
            existing.At = now;
            audit.Describe("Ranking.ConsensusRecorded", reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<View>.Stale(); }
            return Outcome<View>.Ok(ViewOf(existing));
        }
    }
}
