using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Rounds;

/// <summary>
/// The secretariat changes a year. The year's number is its identity and does not change. The caller sends
/// the version it read; a stale version changes nothing. Once submissions have closed a reason is required,
/// and it goes into the audit log with the change.
/// </summary>
public static class EditRound
{
    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<RoundView>> Handle(Actor actor, int year, int expectedVersion, RoundInput input, CancellationToken ct = default)
        {
            var allowed = Permissions.CanManageRounds(actor);
            if (!allowed) return Outcome<RoundView>.Denied(allowed);
            var round = await GetRound.Handler.Load(db, year, ct);
            if (round is null) return Outcome<RoundView>.NotFound();
            if (round.Version != expectedVersion) return Outcome<RoundView>.Stale();

            var now = clock.GetUtcNow().UtcDateTime;
            var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            var before = Snapshot(round);
            var existingRows = round.Phases.Select(p => p.Id).Concat(round.Categories.Select(c => c.Id)).ToHashSet();
            input.Year = round.Year;
            var problems = input.ApplyTo(round);
            if (reason is null && RoundRules.NeedsReasonToEdit(round, now) | RoundRules.NeedsReasonToEdit(new Round { SubmissionDeadline = before.Deadline }, now))
                problems.Add("reason", "Round.ReasonRequiredAfterDeadline");
            if (problems.Count > 0) return Outcome<RoundView>.Invalid(problems);

            // Rows created by the edit carry client-side keys; EF would take them for existing rows and update them.
            foreach (var row in round.Phases.Where(p => !existingRows.Contains(p.Id))) db.Entry(row).State = EntityState.Added;
            foreach (var row in round.Categories.Where(c => !existingRows.Contains(c.Id))) db.Entry(row).State = EntityState.Added;
            round.UpdatedAt = now;
            round.Version = expectedVersion + 1;
            db.Entry(round).Property(r => r.Version).OriginalValue = expectedVersion;
            audit.Describe("Round.Edited", reason);
            // The timeline and the categories are rows of their own; the log shows them with the year.
            var after = Snapshot(round);
            if (!before.Rows.SequenceEqual(after.Rows))
                audit.Record("Round.Edited", nameof(Round), round.Id.ToString(), new { Timeline = before.Rows }, new { Timeline = after.Rows }, reason);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<RoundView>.Stale();
            }
            return Outcome<RoundView>.Ok(RoundView.Of(round, now));
        }

        private sealed record State(DateTime Deadline, IReadOnlyList<string> Rows);

        private static State Snapshot(Round r) => new(r.SubmissionDeadline,
            r.Phases.OrderBy(p => p.Order).Select(p => $"{p.Kind} {p.Name} / {p.NameEn} {p.StartsOn:yyyy-MM-dd}–{p.EndsOn:yyyy-MM-dd} {p.Note}".TrimEnd())
                .Concat(r.Categories.OrderBy(c => c.Category).Select(c =>
                    $"{c.Category} {(c.Enabled ? "on" : "off")} {c.TitleLimit}/{c.OverviewLimit}/{c.ContentLimit}/{c.EffectivenessLimit} max {c.MaxPerOrganization?.ToString() ?? "-"}"))
                .ToList());
    }
}
