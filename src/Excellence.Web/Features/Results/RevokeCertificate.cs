using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>The secretariat revokes a certificate, saying why (e.g. after an upheld objection); verification then says revoked.</summary>
public static class RevokeCertificate
{
    public sealed record Command(string Number, string? Reason, int? ExpectedVersion);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Certificate>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var c = await db.Certificates.FirstOrDefaultAsync(x => x.Number == command.Number, ct);
            if (c is null) return Outcome<Certificate>.NotFound();
            var may = Permissions.CanRevokeCertificate(actor, c);
            if (may.Hidden) return Outcome<Certificate>.NotFound();
            if (!may) return Outcome<Certificate>.Conflict(may.Reason!);
            if (command.ExpectedVersion is { } expected && expected != c.Version) return Outcome<Certificate>.Stale();
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Outcome<Certificate>.Invalid("reason", "Validation.Required");
            if (reason.Length > 2000) return Outcome<Certificate>.Invalid("reason", "Validation.TooLong", 2000);

            c.RevokedAt = clock.UtcNow();
            c.RevocationReason = reason;
            c.RevokedBy = actor.UserId;
            c.Version++;
            audit.Describe("Certificate.Revoked", reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Certificate>.Stale(); }
            return Outcome<Certificate>.Ok(c);
        }
    }
}
