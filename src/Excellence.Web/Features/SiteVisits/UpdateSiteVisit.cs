using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>
/// Edits the visit (the version read must be current): the secretariat changes date, team, issues and findings;
/// a team member the issues and findings only.
/// </summary>
public static class UpdateSiteVisit
{
    public sealed record Command(Guid Id, int Version, SiteVisitForm Form);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var v = await db.LoadVisitAsync(command.Id, ct);
            if (v is null) return Outcome<int>.NotFound();
            var may = Permissions.CanRecordSiteVisit(actor, v);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return Outcome<int>.Conflict(may.Reason!);
            if (v.Version != command.Version) return Outcome<int>.Stale();
            var form = actor.Is(Roles.Secretariat) ? command.Form
                : command.Form with { Date = v.Date, MemberIds = v.Members.Select(m => m.ExpertId).ToList() };
            var problems = await form.ValidateAsync(db, v.ApplicationId, v.Year, ct);
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);
            form.ApplyTo(v);
            v.UpdatedAt = clock.UtcNow();
            v.Version++;
            audit.Describe("SiteVisit.Updated");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(v.Version);
        }
    }
}
