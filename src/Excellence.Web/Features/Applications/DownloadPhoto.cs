using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>The nominee's photo, for whoever may read the application.</summary>
public static class DownloadPhoto
{
    public sealed class Handler(AppDb db, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<Stream>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().Include(x => x.Nominee).FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null || !Permissions.CanReadApplication(actor, a) || a.Nominee?.PhotoStoredName is not { } name) return Outcome<Stream>.NotFound();
            return Outcome<Stream>.Ok(new EvidenceStore(options).Open(name));
        }
    }
}
