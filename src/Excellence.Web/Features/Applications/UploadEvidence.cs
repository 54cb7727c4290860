using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// An evidence file for a draft: streamed to disk, recognised by content, within the year's limits per file
/// and per application, stored under a server-made name with its SHA-256.
/// </summary>
public static class UploadEvidence
{
    public sealed record Command(Guid ApplicationId, string? FileName, Stream Content);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<EvidenceView>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == command.ApplicationId, ct);
            if (a is null) return Outcome<EvidenceView>.NotFound();
            var edit = Permissions.CanEditApplication(actor, a);
            if (edit.Hidden) return Outcome<EvidenceView>.NotFound();
            if (!edit) return Outcome<EvidenceView>.Conflict(edit.Reason!);
            var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == a.RoundId, ct);

            var store = new EvidenceStore(options);
            var received = await store.ReceiveAsync(command.Content, round.EvidenceFileLimitBytes, ct);
            if (received.TooLarge) return Outcome<EvidenceView>.Invalid("file", "Evidence.TooLarge", Megabytes(round.EvidenceFileLimitBytes));
            if (received.Size == 0)
            {
                EvidenceStore.Discard(received.TempPath);
                return Outcome<EvidenceView>.Invalid("file", "Evidence.Empty");
            }
            var used = await db.Set<Evidence>().Where(e => e.ApplicationId == a.Id).SumAsync(e => (long?)e.Size, ct) ?? 0;
            if (used + received.Size > round.EvidenceTotalLimitBytes)
            {
                EvidenceStore.Discard(received.TempPath);
                return Outcome<EvidenceView>.Invalid("file", "Evidence.TotalTooLarge", Megabytes(round.EvidenceTotalLimitBytes));
            }
            var (kind, why) = EvidenceInspector.Inspect(received.TempPath);
            if (kind is null)
            {
                EvidenceStore.Discard(received.TempPath);
                return Outcome<EvidenceView>.Invalid("file", why!.Key, why.Args);
            }

            var evidence = new Evidence
            {
                ApplicationId = a.Id, FileName = EvidenceFiles.SafeName(command.FileName, kind.Value), ContentType = EvidenceFiles.ContentType(kind.Value),
                Size = received.Size, Sha256 = received.Sha256, StoredName = Guid.NewGuid().ToString("N"),
                UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserId,
            };
            store.Keep(received.TempPath, evidence.StoredName);
            db.Set<Evidence>().Add(evidence);
            audit.Describe("Evidence.Uploaded");
            try { await db.SaveChangesAsync(ct); }
            catch
            {
                store.Delete(evidence.StoredName);
                throw;
            }
            return Outcome<EvidenceView>.Ok(View(evidence));
        }
    }

    public static EvidenceView View(Evidence e) => new(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256);

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);
}
