using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// The full resident ID number of a nominee, for the secretariat only, on an explicit request that is
/// written to the audit log (process.md, personal information).
/// </summary>
public static class RevealResidentId
{
    public sealed class Handler(AppDb db, AuditRecorder audit, PersonalData pii)
    {
        public async Task<Outcome<string>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return Outcome<string>.NotFound();
            var cipher = await db.Nominees.AsNoTracking().Where(n => n.ApplicationId == applicationId)
                .Select(n => n.ResidentIdCipher).FirstOrDefaultAsync(ct);
            if (string.IsNullOrEmpty(cipher)) return Outcome<string>.NotFound();
            audit.Record("Nominee.ResidentIdRevealed", "Nominee", applicationId.ToString());
            await db.SaveChangesAsync(ct);
            return Outcome<string>.Ok(pii.Unprotect(cipher));
        }
    }
}
