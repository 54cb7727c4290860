using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Rounds;

/// <summary>The secretariat opens a new evaluation year.</summary>
public static class CreateRound
{
    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<RoundView>> Handle(Actor actor, RoundInput input, CancellationToken ct = default)
        {
            var allowed = Permissions.CanManageRounds(actor);
            if (!allowed) return Outcome<RoundView>.Denied(allowed);

            var now = clock.GetUtcNow().UtcDateTime;
            var round = new Round { CreatedAt = now, UpdatedAt = now, Version = 1 };
            var problems = input.ApplyTo(round);
            if (!problems.Has("year") && await db.Rounds.AnyAsync(r => r.Year == round.Year, ct))
                problems.Add("year", "Round.YearTaken", round.Year);
            if (problems.Count > 0) return Outcome<RoundView>.Invalid(problems);

            db.Rounds.Add(round);
            audit.Describe("Round.Created", string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two secretaries creating the same year at once: the unique index decides.
                db.Entry(round).State = EntityState.Detached;
                if (await db.Rounds.AsNoTracking().AnyAsync(r => r.Year == round.Year, CancellationToken.None))
                    return Outcome<RoundView>.Invalid("year", "Round.YearTaken", round.Year);
                throw;
            }
            // Reviews: the year starts with the default rubric of every category (editable until the first score).
            await Reviews.ReviewLoading.EnsureRubricsAsync(db, round.Year, ct);
            return Outcome<RoundView>.Ok(RoundView.Of(round, now));
        }
    }
}
