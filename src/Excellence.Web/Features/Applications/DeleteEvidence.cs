using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>Removes an evidence file from a draft.</summary>
public static class DeleteEvidence
{
    public sealed class Handler(AppDb db, AuditRecorder audit, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<Done>> HandleAsync(Actor actor, Guid applicationId, Guid evidenceId, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null) return Outcome<Done>.NotFound();
            var edit = Permissions.CanEditApplication(actor, a);
            if (edit.Hidden) return Outcome<Done>.NotFound();
            if (!edit) return Outcome<Done>.Conflict(edit.Reason!);
            var e = await db.Set<Evidence>().FirstOrDefaultAsync(x => x.Id == evidenceId && x.ApplicationId == applicationId, ct);
            if (e is null) return Outcome<Done>.NotFound();
            db.Remove(e);
            audit.Describe("Evidence.Deleted");
            await db.SaveChangesAsync(ct);
            new EvidenceStore(options).Delete(e.StoredName);
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
