using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>
/// The secretariat records the outcome (Confirmed / NotConfirmed / LevelAdjusted with the reason and new level) and
/// proposes the level: an application in panel review or site verification moves to Proposed; one already
/// proposed keeps its stage and gets the new level.
/// </summary>
public static class ConcludeSiteVisit
{
    public sealed record Command(Guid Id, SiteVisitOutcome? Outcome, string? Reason, PanelLevel? Level);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Stage>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var v = await db.LoadVisitAsync(command.Id, ct);
            if (v is null) return Outcome<Stage>.NotFound();
            var may = Permissions.CanConcludeSiteVisit(actor, v);
            if (may.Hidden) return Outcome<Stage>.NotFound();
            if (!may) return may.Reason!.Key == "SiteVisit.Concluded" ? Outcome<Stage>.Conflict(may.Reason) : Outcome<Stage>.Forbidden(may.Reason!);
            var a = await db.Applications.FirstAsync(x => x.Id == v.ApplicationId, ct);
            var (level, problems) = SiteVisitRules.Decide(command.Outcome, command.Reason, command.Level, a.ProposedLevel);
            if (problems.Count > 0) return Outcome<Stage>.Invalid(problems);
            var reason = (command.Reason ?? "").Trim();
            var now = clock.UtcNow();
            if (a.Stage != Stage.Proposed)
            {
                if (!Workflow.Allows(a.Stage, Move.Propose)) return Outcome<Stage>.Conflict(new Problem("SiteVisit.NotEligible"));
                db.StageChanges.Add(Workflow.Apply(a, Move.Propose, actor, now, reason.Length > 0 ? reason : null));
            }
            a.ProposedLevel = PanelRules.ToLevel(level!.Value);
            a.UpdatedAt = now;
            a.Version++;
            v.Outcome = command.Outcome;
            v.OutcomeReason = reason.Length == 0 ? null : reason;
            v.Level = level;
            v.ConcludedAt = now;
            v.ConcludedByName = actor.Name;
            v.Version++;
            audit.Describe("SiteVisit.Concluded", reason.Length > 0 ? reason : command.Outcome.ToString());
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Stage>.Stale(); }
            return Outcome<Stage>.Ok(a.Stage);
        }
    }
}
