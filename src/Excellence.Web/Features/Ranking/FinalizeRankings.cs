using Excellence.Web.Data;
using Excellence.Web.Data.Queries;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Ranking;

/// <summary>
/// 确定初审结果: for every application of the year and category still in the preliminary review whose assigned experts
/// have all submitted, keep the aggregated score and the proposed level, and move it on: benchmark candidates (the
/// numbers meet every benchmark condition the panel does not decide, within the quota, or ticked by the secretariat)
/// to the panel review (专家会审), the others to Proposed. One save; each move is a stage change and audited.
/// </summary>
public static class FinalizeRankings
{
    public sealed record Command(int Year, Category? Category, IReadOnlyList<Guid>? BenchmarkCandidates);

    public sealed record Result(int Finalized, int ToPanelReview, int Proposed, int Pending);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanFinalizeRankings(actor);
            if (!may) return Outcome<Result>.Denied(may);
            if (command.Category is not { } category) return Outcome<Result>.Invalid("category", "Validation.Required");
            if (!await db.Rounds.AnyAsync(r => r.Year == command.Year, ct)) return Outcome<Result>.NotFound();
            var world = await RankingQuery.LoadAsync(db, command.Year, category, ct: ct);
            if (world is null) return Outcome<Result>.Conflict(new Problem("Ranking.NoRubric"));

            var rows = RankingBoard.Rows(world);
            var ready = rows.Where(r => r.Finalisable).ToDictionary(r => r.Id);
            var ticked = (command.BenchmarkCandidates ?? []).ToHashSet();
            foreach (var id in ticked)
            {
                if (!ready.TryGetValue(id, out var row)) return Outcome<Result>.Invalid("benchmarkCandidates", "Ranking.Finalize.NotReady");
                if (row.Aggregate.Veto || row.Proposal.Level is null) return Outcome<Result>.Invalid("benchmarkCandidates", "Ranking.Finalize.NotRecognised");
            }
            if (ready.Count == 0) return Outcome<Result>.Conflict(new Problem("Ranking.Finalize.NothingReady"));

            var ids = ready.Keys.ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            int panel = 0, proposed = 0;
            foreach (var a in applications)
            {
                var row = ready[a.Id];
                if (a.Stage != Stage.PreliminaryReview || a.Version != row.Version) return Outcome<Result>.Stale();
                var candidate = row.BenchmarkCandidate || ticked.Contains(a.Id);
                a.PreliminaryScore = row.Score;
                a.ProposedLevel = row.Proposal.Level;
                a.IsBenchmarkCandidate = candidate;
                db.StageChanges.Add(Workflow.Apply(a, candidate ? Move.StartPanelReview : Move.Propose, actor, now));
                a.Version++;
                if (candidate) panel++; else proposed++;
            }
            audit.Describe("Ranking.Finalized", $"{command.Year} {category}");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Result>.Stale(); }
            return Outcome<Result>.Ok(new Result(panel + proposed, panel, proposed, rows.Count(r => r.Stage == Stage.PreliminaryReview && !r.Finalisable)));
        }
    }
}
