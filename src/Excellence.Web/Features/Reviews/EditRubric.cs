using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// The secretariat edits a year's rubric: criteria (name, max, added, removed, reordered), thresholds and experts per
/// application. The maxima must sum to 100. Refused with a reason once the first score was saved (frozen).
/// </summary>
public static class EditRubric
{
    public sealed record Command(int Year, Category Category, int ExpectedVersion, RubricInput Input);

    public sealed class Handler(AppDb db, AuditRecorder audit)
    {
        public async Task<Outcome<RubricView>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return Outcome<RubricView>.NotFound();
            var rubric = await db.RubricAsync(command.Year, command.Category, ct);
            if (rubric is null) return Outcome<RubricView>.NotFound();
            var edit = Permissions.CanEditRubric(actor, rubric);
            if (!edit) return edit.Hidden ? Outcome<RubricView>.NotFound() : Outcome<RubricView>.Conflict(edit.Reason!);
            if (command.ExpectedVersion != rubric.Version) return Outcome<RubricView>.Stale();

            var input = command.Input;
            var rows = Arrange(input.Criteria);
            var problems = new FieldProblems();
            var wanted = rows.Select((c, i) => new Criterion
            {
                RubricId = rubric.Id, Order = i + 1, Code = (c.Code ?? "").Trim(), Block = (c.Block ?? "").Trim(),
                BlockName = (c.BlockName ?? "").Trim(), BlockNameEn = (c.BlockNameEn ?? "").Trim(), Name = (c.Name ?? "").Trim(),
                NameEn = (c.NameEn ?? "").Trim(), MaxPoints = c.MaxPoints ?? 0, Kind = c.Kind ?? CriterionKind.Process,
            }).ToList();

            // Keep the rows whose code stays (their ids), remove the rest, add the new ones.
            var existing = rubric.Criteria.ToDictionary(c => c.Code);
            var next = new List<Criterion>();
            foreach (var w in wanted)
            {
                if (existing.Remove(w.Code, out var keep) && !next.Any(n => n.Code == w.Code))
                {
                    keep.Order = w.Order; keep.Block = w.Block; keep.BlockName = w.BlockName; keep.BlockNameEn = w.BlockNameEn;
                    keep.Name = w.Name; keep.NameEn = w.NameEn; keep.MaxPoints = w.MaxPoints; keep.Kind = w.Kind;
                    next.Add(keep);
                }
                else next.Add(w);
            }
            var candidate = new Rubric
            {
                Criteria = next, ExpertsPerApplication = input.ExpertsPerApplication ?? rubric.ExpertsPerApplication,
                TrimFrom = input.TrimFrom ?? rubric.TrimFrom, DivergencePoints = input.DivergencePoints ?? rubric.DivergencePoints,
                DivergenceBlockPercent = input.DivergenceBlockPercent ?? rubric.DivergenceBlockPercent,
                BenchmarkMin = input.BenchmarkMin ?? rubric.BenchmarkMin, ExcellentMin = input.ExcellentMin ?? rubric.ExcellentMin,
                AdvancingMin = input.AdvancingMin ?? rubric.AdvancingMin,
                BenchmarkBlockGatePercent = input.BenchmarkBlockGatePercent ?? rubric.BenchmarkBlockGatePercent,
                BenchmarkQuotaPercent = input.BenchmarkQuotaPercent, AffiliationYears = input.AffiliationYears ?? rubric.AffiliationYears,
            };
            problems.AddRange(RubricRules.Validate(candidate));
            if (problems.Count > 0)
            {
                // Nothing of a refused edit may reach the database: forget the tracked changes.
                foreach (var entry in db.ChangeTracker.Entries().ToList()) entry.State = EntityState.Detached;
                return Outcome<RubricView>.Invalid(problems);
            }

            foreach (var gone in existing.Values) db.Criteria.Remove(gone);
            foreach (var added in next.Where(n => db.Entry(n).State == EntityState.Detached)) db.Criteria.Add(added);
            rubric.Criteria = next;
            rubric.ExpertsPerApplication = candidate.ExpertsPerApplication;
            rubric.TrimFrom = candidate.TrimFrom;
            rubric.DivergencePoints = candidate.DivergencePoints;
            rubric.DivergenceBlockPercent = candidate.DivergenceBlockPercent;
            rubric.BenchmarkMin = candidate.BenchmarkMin;
            rubric.ExcellentMin = candidate.ExcellentMin;
            rubric.AdvancingMin = candidate.AdvancingMin;
            rubric.BenchmarkBlockGatePercent = candidate.BenchmarkBlockGatePercent;
            rubric.BenchmarkQuotaPercent = candidate.BenchmarkQuotaPercent;
            rubric.AffiliationYears = candidate.AffiliationYears;
            rubric.Version++;
            audit.Describe("Rubric.Edited");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<RubricView>.Stale();
            }
            return Outcome<RubricView>.Ok(RubricView.Of(rubric));
        }

        /// <summary>The rows that stay, in the order the secretariat numbered them (the indexes of field problems).</summary>
        public static List<CriterionInput> Arrange(IEnumerable<CriterionInput> rows) =>
            rows.Where(c => !c.Remove && !IsBlank(c)).Select((c, i) => (c, i)).OrderBy(x => x.c.Order ?? int.MaxValue).ThenBy(x => x.i)
                .Select(x => x.c).ToList();

        private static bool IsBlank(CriterionInput c) =>
            string.IsNullOrWhiteSpace(c.Code) && string.IsNullOrWhiteSpace(c.Name) && c.MaxPoints is null;
    }
}
