using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

/// <summary>The objector's full identity, for the secretariat, on an explicit request written to the audit log.</summary>
public static class RevealObjector
{
    public sealed record Identity(string Name, string IdNumberOrMobile, string Contact, string Email);

    public sealed class Handler(AppDb db, AuditRecorder audit, PersonalData pii)
    {
        public async Task<Outcome<Identity>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var may = Permissions.CanReadObjections(actor);
            if (!may) return Outcome<Identity>.Denied(may);
            var o = await db.Objections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (o is null) return Outcome<Identity>.NotFound();
            audit.Record("Objection.ObjectorRevealed", "Objection", o.Id.ToString());
            await db.SaveChangesAsync(ct);
            return Outcome<Identity>.Ok(new Identity(pii.Unprotect(o.NameCipher), pii.Unprotect(o.IdentityCipher),
                pii.Unprotect(o.ContactCipher), pii.Unprotect(o.EmailCipher)));
        }
    }
}
