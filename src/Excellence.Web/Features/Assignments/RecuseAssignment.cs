using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Assignments;

/// <summary>
/// The assigned expert declares a conflict of interest (回避) at any time: the assignment becomes Recused, a
/// declared Conflict row keeps the reason (both audited), and the secretariat is told by mail so it can reassign.
/// </summary>
public static class RecuseAssignment
{
    public sealed record Command(Guid AssignmentId, string? Reason);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, Mailer mailer, StringCatalog catalog,
        IOptions<ExcellenceOptions> options, ILogger<Handler> log)
    {
        public async Task<Outcome<Done>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == command.AssignmentId, ct);
            if (assignment is null) return Outcome<Done>.NotFound();
            var may = Permissions.CanRecuse(actor, assignment);
            if (may.Hidden) return Outcome<Done>.NotFound();
            if (!may) return Outcome<Done>.Conflict(may.Reason!);
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Outcome<Done>.Invalid("reason", "Validation.Required");
            if (reason.Length > 2000) return Outcome<Done>.Invalid("reason", "Validation.TooLong", 2000);

            var now = clock.GetUtcNow().UtcDateTime;
            assignment.Status = AssignmentStatus.Recused;
            assignment.RecusedAt = now;
            assignment.RecusalReason = reason;
            assignment.Version++;
            db.Conflicts.Add(new Conflict
            {
                ExpertId = assignment.ExpertId, ApplicationId = assignment.ApplicationId, Kind = ConflictKind.Declared, Reason = reason,
                DeclaredAt = now, DeclaredBy = actor.UserId,
            });
            audit.Describe("Assignments.Recused", reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Done>.Stale(); }
            await TellSecretariatAsync(assignment, reason, ct);
            return Outcome<Done>.Ok(Done.Instance);
        }

        private async Task TellSecretariatAsync(Assignment assignment, string reason, CancellationToken ct)
        {
            var zh = CultureInfo.GetCultureInfo(StringCatalog.Chinese);
            var expert = await db.Experts.AsNoTracking().Where(e => e.Id == assignment.ExpertId).Select(e => e.Name).FirstAsync(ct);
            var receipt = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId).Select(a => a.ReceiptNumber).FirstAsync(ct);
            var recipients = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id
                                    where r.Name == Roles.Secretariat && !u.IsDisabled && u.Email != null select u.Email!).Distinct().ToListAsync(ct);
            var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Secretariat/Assignments?year={assignment.Year}&category={assignment.Category}";
            var subject = catalog.Text("Assignments.Mail.RecusedSubject", zh, expert, receipt ?? "");
            var body = catalog.Text("Assignments.Mail.RecusedBody", zh, expert, receipt ?? "", reason, link);
            foreach (var to in recipients)
            {
                try { await mailer.SendAsync(new OutgoingMail(to, subject, body), ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Recusal notice to {To} failed", to);
                }
            }
        }
    }
}
