using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>The one door to an evidence file: whoever may read the application.</summary>
public static class DownloadEvidence
{
    public sealed record File(Evidence Evidence, Stream Content);

    public sealed class Handler(AppDb db, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, Guid applicationId, Guid evidenceId, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null || !Permissions.CanReadApplication(actor, a, await db.HasActiveAssignmentAsync(actor, applicationId, ct))) return Outcome<File>.NotFound();
            var e = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == evidenceId && x.ApplicationId == applicationId, ct);
            return e is null ? Outcome<File>.NotFound() : Outcome<File>.Ok(new File(e, new EvidenceStore(options).Open(e.StoredName)));
        }
    }
}
