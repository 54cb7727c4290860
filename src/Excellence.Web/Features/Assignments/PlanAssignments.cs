using System.Security.Cryptography;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>
/// Automatic assignment for a year (optionally one category) with <see cref="AssignmentPlanner"/>, and the
/// witnessed draw (抽签): the same plan with a seed drawn from a CSPRNG, the witnesses named, and the seed and the
/// result written to the audit log so anyone can re-run the plan with that seed. Existing assignments are kept.
/// </summary>
public static class PlanAssignments
{
    public sealed record Command(int Year, Category? Category, int? PerApplication, int? Seed, IReadOnlyList<string>? Witnesses = null, bool Draw = false);

    public sealed record CoverageRow(Guid ApplicationId, string? ReceiptNumber, Category Category, int Required, int Assigned, int Eligible,
        int Conflicted, int Unavailable, string? ShortReason);

    public sealed record LoadRow(Guid ExpertId, string Name, int Load);

    public sealed record Report(int Year, Category? Category, int Seed, bool Draw, IReadOnlyList<string> Witnesses, int Added,
        int Applications, int FullyCovered, int Short, double DomainMatchRate, IReadOnlyList<CoverageRow> Coverage, IReadOnlyList<LoadRow> Load);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Report>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Report>.Denied(may);
            if (!await db.Rounds.AnyAsync(r => r.Year == command.Year, ct)) return Outcome<Report>.NotFound();
            var problems = new FieldProblems();
            if (command.PerApplication is { } n && n is < 1 or > 20) problems.Add("perApplication", "Validation.Range", 1, 20);
            var witnesses = (command.Witnesses ?? []).Select(w => (w ?? "").Trim()).Where(w => w.Length > 0).ToList();
            if (command.Draw && witnesses.Count == 0) problems.Add("witnesses", "Assignments.WitnessesRequired");
            if (witnesses.Any(w => w.Length > 50)) problems.Add("witnesses", "Validation.TooLong", 50);
            if (command.Draw && command.Seed is not null) problems.Add("seed", "Assignments.DrawSeedIsDrawn");
            if (problems.Count > 0) return Outcome<Report>.Invalid(problems);

            // A draw's seed is never chosen by a person; an automatic plan without a seed gets one too, so it can be re-run.
            var seed = command.Seed ?? RandomNumberGenerator.GetInt32(0, int.MaxValue);
            var world = await AssignmentWorld.LoadAsync(db, command.Year, command.Category, null, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var groups = await db.ReviewGroups.AsNoTracking().Include(g => g.Members).Where(g => g.Year == command.Year).ToListAsync(ct);
            var removed = world.Assignments.Where(a => a.Status == AssignmentStatus.Removed).ToDictionary(a => (a.ApplicationId, a.ExpertId), a => a.Id);
            var coverage = new List<CoverageRow>();
            var added = new List<PlannedAssignment>();
            var matched = 0;
            foreach (var category in world.Applications.Select(a => a.Category).Distinct().Order())
            {
                var per = command.PerApplication ?? world.PerApplication(category);
                var plan = AssignmentPlanner.Plan(world.PlanInputFor(category, per, seed));
                added.AddRange(plan.Added);
                matched += plan.Added.Count(p => p.Match > 0);
                foreach (var c in plan.Coverage)
                {
                    var app = world.Applications.First(a => a.Id == c.ApplicationId);
                    coverage.Add(new CoverageRow(c.ApplicationId, app.ReceiptNumber, category, c.Required, c.Assigned, c.Eligible, c.Conflicted,
                        c.Unavailable, c.Reason?.ToString()));
                }
                foreach (var p in plan.Added)
                {
                    var group = groups.FirstOrDefault(g => g.Category == category && g.Members.Any(m => m.ExpertId == p.ExpertId))?.Id;
                    if (removed.TryGetValue((p.ApplicationId, p.ExpertId), out var existingId))
                    {
                        var row = await db.Assignments.FirstAsync(a => a.Id == existingId, ct);
                        row.Status = AssignmentStatus.Active;
                        row.Source = command.Draw ? AssignmentSource.Draw : AssignmentSource.Automatic;
                        row.AssignedAt = now;
                        row.AssignedBy = actor.UserId;
                        row.ReviewGroupId = group;
                        row.Version++;
                        continue;
                    }
                    db.Assignments.Add(new Assignment
                    {
                        ApplicationId = p.ApplicationId, ExpertId = p.ExpertId, RoundId = world.Applications.Count == 0 ? Guid.Empty : await RoundId(command.Year, ct),
                        Year = command.Year, Category = category, ReviewGroupId = group,
                        Source = command.Draw ? AssignmentSource.Draw : AssignmentSource.Automatic, AssignedAt = now, AssignedBy = actor.UserId,
                    });
                }
            }

            var load = world.Experts.Select(e => new LoadRow(e.Id, e.Name,
                    world.Assignments.Count(a => a.ExpertId == e.Id && a.Status == AssignmentStatus.Active) + added.Count(p => p.ExpertId == e.Id)))
                .Where(l => l.Load > 0 || world.IsEligible(world.Experts.First(e => e.Id == l.ExpertId)))
                .OrderByDescending(l => l.Load).ThenBy(l => l.Name).ToList();
            var report = new Report(command.Year, command.Category, seed, command.Draw, witnesses, added.Count, coverage.Count,
                coverage.Count(c => c.Assigned >= c.Required), coverage.Count(c => c.Assigned < c.Required),
                added.Count == 0 ? 0 : (double)matched / added.Count, coverage, load);

            var action = command.Draw ? "Assignments.Drawn" : "Assignments.Planned";
            audit.Describe(action, command.Draw ? string.Join("、", witnesses) : null);
            audit.Record(action, "Round", command.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), after: new
            {
                command.Year, Category = command.Category?.ToString(), command.PerApplication, Seed = seed, Witnesses = witnesses,
                Added = added.Select(p => new { p.ApplicationId, p.ExpertId }).ToList(),
            });
            await db.SaveChangesAsync(ct);
            return Outcome<Report>.Ok(report);
        }

        private Guid? roundId;

        private async Task<Guid> RoundId(int year, CancellationToken ct) =>
            roundId ??= await db.Rounds.Where(r => r.Year == year).Select(r => r.Id).FirstAsync(ct);
    }
}
