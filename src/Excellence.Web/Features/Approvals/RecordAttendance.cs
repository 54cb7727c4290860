using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>The secretariat records which invited approvers are present (到会); only they vote and count for the quorum.</summary>
public static class RecordAttendance
{
    public sealed record Command(Guid Id, int ExpectedVersion, IReadOnlyList<Guid> Present);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.Id, ct);
            if (m is null) return Outcome<int>.NotFound();
            var may = Permissions.CanChangeApprovalMeeting(actor, m);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return Outcome<int>.Conflict(may.Reason!);
            if (m.Version != command.ExpectedVersion) return Outcome<int>.Stale();
            if (command.Present.Any(id => m.Attendees.All(a => a.UserId != id)))
                return Outcome<int>.Invalid("present", "Approval.NotInvited");
            foreach (var a in m.Attendees) a.Present = command.Present.Contains(a.UserId);
            m.Version++;
            m.UpdatedAt = clock.UtcNow();
            audit.Describe("Approval.AttendanceRecorded");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(m.Version);
        }
    }
}
