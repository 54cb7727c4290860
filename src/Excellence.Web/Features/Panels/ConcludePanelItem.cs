using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// The chair or the secretariat records the panel's recommended level with its reasons, then either proposes it
/// (PanelReview → Proposed) or asks for a site verification (→ SiteVerification, the level kept as the one to verify).
/// </summary>
public static class ConcludePanelItem
{
    public sealed record Command(Guid MeetingId, Guid ApplicationId, PanelLevel? Level, string? Reasons, PanelDecision? Decision);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Stage>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<Stage>.NotFound();
            var item = m.Items.FirstOrDefault(i => i.ApplicationId == command.ApplicationId);
            if (item is null) return Outcome<Stage>.NotFound();
            var may = Permissions.CanChairPanelItem(actor, m, item);
            if (may.Hidden) return Outcome<Stage>.NotFound();
            if (!may) return may.Reason!.Key == "Panel.ItemConcluded" ? Outcome<Stage>.Conflict(may.Reason) : Outcome<Stage>.Forbidden(may.Reason!);

            var problems = new FieldProblems();
            if (command.Level is null) problems.Add("level", "Validation.Choice");
            if (command.Decision is null) problems.Add("decision", "Validation.Choice");
            var reasons = (command.Reasons ?? "").Trim();
            if (reasons.Length == 0) problems.Add("reasons", "Validation.Required");
            if (reasons.Length > 4000) problems.Add("reasons", "Validation.TooLong", 4000);
            if (problems.Count > 0) return Outcome<Stage>.Invalid(problems);

            var a = await db.Applications.FirstAsync(x => x.Id == item.ApplicationId, ct);
            var move = command.Decision == PanelDecision.Propose ? Move.Propose : Move.RequestSiteVerification;
            if (a.Stage != Stage.PanelReview && !(a.Stage == Stage.SiteVerification && move == Move.Propose))
                return Outcome<Stage>.Conflict(new Problem("Panel.NotInPanelReview"));
            var now = clock.UtcNow();
            db.StageChanges.Add(Workflow.Apply(a, move, actor, now, reasons));
            a.ProposedLevel = PanelRules.ToLevel(command.Level!.Value);
            a.Version++;
            item.RecommendedLevel = command.Level;
            item.Reasons = reasons;
            item.Decision = command.Decision;
            item.ConcludedAt = now;
            item.ConcludedByName = actor.Name;
            item.Version++;
            audit.Describe(move == Move.Propose ? "Panel.Proposed" : "Panel.SiteVerificationRequested", reasons);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Stage>.Stale(); }
            return Outcome<Stage>.Ok(a.Stage);
        }
    }
}
