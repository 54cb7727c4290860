using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>The applicant withdraws an application, at any stage before approval, saying why.</summary>
public static class WithdrawApplication
{
    public sealed record Command(Guid Id, string? Reason);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Stage>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == command.Id, ct);
            if (a is null) return Outcome<Stage>.NotFound();
            var may = Permissions.CanWithdrawApplication(actor, a);
            if (may.Hidden) return Outcome<Stage>.NotFound();
            if (!may) return Outcome<Stage>.Conflict(may.Reason!);
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Outcome<Stage>.Invalid("reason", "Validation.Required");
            if (reason.Length > 2000) return Outcome<Stage>.Invalid("reason", "Validation.TooLong", 2000);

            db.StageChanges.Add(Workflow.Apply(a, Move.Withdraw, actor, clock.UtcNow(), reason));
            a.Version++;
            audit.Describe("Application.Withdrawn", reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Stage>.Stale(); }
            return Outcome<Stage>.Ok(a.Stage);
        }
    }
}
