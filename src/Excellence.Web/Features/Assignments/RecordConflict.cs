using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>
/// The secretariat enters a conflict it learned of (an expert's tie not in the pool data). An active
/// assignment of that expert to that application is removed at once.
/// </summary>
public static class RecordConflict
{
    public sealed record Command(Guid ApplicationId, Guid? ExpertId, string? Reason);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Guid>.Denied(may);
            if (!await db.Applications.AnyAsync(a => a.Id == command.ApplicationId, ct)) return Outcome<Guid>.NotFound();
            var problems = new FieldProblems();
            var reason = (command.Reason ?? "").Trim();
            if (command.ExpertId is null || !await db.Experts.AnyAsync(e => e.Id == command.ExpertId, ct)) problems.Add("expertId", "Assignments.UnknownExpert");
            if (reason.Length == 0) problems.Add("reason", "Validation.Required");
            else if (reason.Length > 2000) problems.Add("reason", "Validation.TooLong", 2000);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            var conflict = new Conflict
            {
                ExpertId = command.ExpertId!.Value, ApplicationId = command.ApplicationId, Kind = ConflictKind.Declared, Reason = reason,
                DeclaredAt = now, DeclaredBy = actor.UserId,
            };
            db.Conflicts.Add(conflict);
            var active = await db.Assignments.FirstOrDefaultAsync(a => a.ApplicationId == command.ApplicationId && a.ExpertId == command.ExpertId
                && a.Status == AssignmentStatus.Active, ct);
            if (active is not null)
            {
                active.Status = AssignmentStatus.Removed;
                active.Version++;
            }
            audit.Describe("Assignments.ConflictRecorded", reason);
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(conflict.Id);
        }
    }
}
