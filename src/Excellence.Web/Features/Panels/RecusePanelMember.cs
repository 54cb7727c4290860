using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// A member steps back from one item in the meeting, the reason recorded (by the secretariat, or by the member
/// itself). Any vote it already cast on the item is removed.
/// </summary>
public static class RecusePanelMember
{
    public sealed record Command(Guid MeetingId, Guid ApplicationId, Guid ExpertId, string? Reason);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Done>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<Done>.NotFound();
            var read = Permissions.CanReadPanelMeeting(actor, m);
            if (!read) return Outcome<Done>.Denied(read);
            var item = PanelLoading.VisibleItem(m, command.ApplicationId, actor);
            if (item is null) return Outcome<Done>.NotFound();
            var self = actor.ExpertId == command.ExpertId;
            if (!actor.Is(Roles.Secretariat) && !self) return Outcome<Done>.Forbidden(new Problem("Panel.ChairOnly"));
            if (!m.IsMember(command.ExpertId)) return Outcome<Done>.Invalid("expertId", "Panel.UnknownExpert");
            if (item.IsConcluded) return Outcome<Done>.Conflict(new Problem("Panel.ItemConcluded"));
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Outcome<Done>.Invalid("reason", "Validation.Required");
            if (reason.Length > 2000) return Outcome<Done>.Invalid("reason", "Validation.TooLong", 2000);
            if (item.IsRecused(command.ExpertId)) return Outcome<Done>.Ok(Done.Instance);
            var r = new PanelRecusal { ItemId = item.Id, ExpertId = command.ExpertId, Automatic = false, Reason = reason, At = clock.UtcNow() };
            item.Recusals.Add(r);
            db.PanelRecusals.Add(r);
            foreach (var v in item.Votes.Where(v => v.ExpertId == command.ExpertId).ToList()) db.PanelVotes.Remove(v);
            item.Version++;
            audit.Describe("Panel.MemberRecused", reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Done>.Stale(); }
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
