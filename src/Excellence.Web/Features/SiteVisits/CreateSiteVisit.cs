using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>
/// The secretariat plans a site visit of an application in site verification (or one in panel review or proposed
/// it picks): date and a conflict-free team; the issues are pre-filled from the reviews and the panel's questions
/// unless given.
/// </summary>
public static class CreateSiteVisit
{
    public sealed record Command(Guid ApplicationId, SiteVisitForm Form);

    public static readonly IReadOnlySet<Stage> Eligible = new HashSet<Stage> { Stage.SiteVerification, Stage.PanelReview, Stage.Proposed };

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return Outcome<Guid>.NotFound();
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == command.ApplicationId, ct);
            if (a is null) return Outcome<Guid>.Invalid("applicationId", "Validation.Required");
            if (!Eligible.Contains(a.Stage)) return Outcome<Guid>.Invalid("applicationId", "SiteVisit.NotEligible");
            if (await db.SiteVisits.AnyAsync(v => v.ApplicationId == a.Id && v.ConcludedAt == null, ct))
                return Outcome<Guid>.Conflict(new Problem("SiteVisit.AlreadyOpen"));
            var problems = await command.Form.ValidateAsync(db, a.Id, a.Year, ct);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);
            var now = clock.UtcNow();
            var item = await db.PanelItems.AsNoTracking().Where(i => i.ApplicationId == a.Id && i.Decision == Domain.Panels.PanelDecision.SiteVerification)
                .OrderByDescending(i => i.ConcludedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            var v = new SiteVisit { RoundId = a.RoundId, Year = a.Year, ApplicationId = a.Id, PanelItemId = item, CreatedAt = now, UpdatedAt = now };
            command.Form.ApplyTo(v);
            if (string.IsNullOrWhiteSpace(command.Form.Issues)) v.Issues = await db.SuggestedIssuesAsync(a.Id, ct);
            db.SiteVisits.Add(v);
            audit.Describe("SiteVisit.Created");
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(v.Id);
        }
    }
}
