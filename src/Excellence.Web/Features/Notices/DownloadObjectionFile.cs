using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Notices;

/// <summary>An evidence file of an objection (secretariat only).</summary>
public static class DownloadObjectionFile
{
    public sealed record File(string FileName, string ContentType, Stream Content);

    public sealed class Handler(AppDb db, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, Guid objectionId, Guid fileId, CancellationToken ct = default)
        {
            var may = Permissions.CanReadObjections(actor);
            if (!may) return Outcome<File>.Denied(may);
            var f = await db.ObjectionFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.ObjectionId == objectionId, ct);
            if (f is null) return Outcome<File>.NotFound();
            return Outcome<File>.Ok(new File(f.FileName, f.ContentType, new EvidenceStore(options).Open(f.StoredName)));
        }
    }
}
