using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// The secretariat edits a meeting (the version it read must still be current). New members are checked against
/// every item at once and recused where they conflict.
/// </summary>
public static class UpdatePanelMeeting
{
    public sealed record Command(Guid Id, int Version, PanelMeetingForm Form);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManagePanelMeeting(actor);
            if (!may) return Outcome<int>.Denied(may);
            var m = await db.LoadMeetingAsync(command.Id, ct);
            if (m is null) return Outcome<int>.NotFound();
            if (m.Version != command.Version) return Outcome<int>.Stale();
            var problems = await command.Form.ValidateAsync(db, ct);
            var removed = m.Members.Select(x => x.ExpertId).Except(command.Form.MemberIds ?? []).ToList();
            if (removed.Count > 0 && m.Items.Any(i => i.Votes.Any(v => removed.Contains(v.ExpertId))))
                problems.Add("memberIds", "Panel.MemberHasVoted");
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);
            var now = clock.UtcNow();
            command.Form.ApplyTo(m);
            await db.SyncRecusalsAsync(m, now, ct);
            m.UpdatedAt = now;
            m.Version++;
            audit.Describe("Panel.MeetingUpdated");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(m.Version);
        }
    }
}
