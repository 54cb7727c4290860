using System.Security.Cryptography;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// The nominee's photo (照片, IndividualExperience): a JPEG or PNG, decoded and re-encoded as JPEG by the
/// server so that no metadata (EXIF, GPS, comments) survives, scaled down to at most 1200 pixels.
/// </summary>
public static class UploadPhoto
{
    public const long MaxBytes = 10L * 1024 * 1024;
    private const int MaxSide = 1200;
    private const long MaxPixels = 40_000_000;

    public sealed record Command(Guid ApplicationId, Stream Content);

    public sealed class Handler(AppDb db, AuditRecorder audit, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<string>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.Include(x => x.Nominee).FirstOrDefaultAsync(x => x.Id == command.ApplicationId, ct);
            if (a is null) return Outcome<string>.NotFound();
            var edit = Permissions.CanEditApplication(actor, a);
            if (edit.Hidden) return Outcome<string>.NotFound();
            if (!edit) return Outcome<string>.Conflict(edit.Reason!);
            if (!a.IsIndividual) return Outcome<string>.Invalid("photo", "Photo.OnlyIndividual");

            var store = new EvidenceStore(options);
            var received = await store.ReceiveAsync(command.Content, MaxBytes, ct);
            if (received.TooLarge) return Outcome<string>.Invalid("photo", "Evidence.TooLarge", MaxBytes / (1024 * 1024));
            byte[]? jpeg;
            try
            {
                var (kind, why) = EvidenceInspector.Inspect(received.TempPath);
                if (kind is not (EvidenceKind.Jpeg or EvidenceKind.Png))
                    return why?.Key == "Evidence.ImageTooLarge" ? Outcome<string>.Invalid("photo", why.Key, why.Args) : Outcome<string>.Invalid("photo", "Photo.NotImage");
                jpeg = Reencode(received.TempPath);
                if (jpeg is null) return Outcome<string>.Invalid("photo", "Evidence.Damaged");
            }
            finally
            {
                EvidenceStore.Discard(received.TempPath);
            }

            var storedName = Guid.NewGuid().ToString("N");
            await store.WriteAsync(storedName, jpeg, ct);
            var nominee = a.Nominee ??= new Nominee { ApplicationId = a.Id };
            var old = nominee.PhotoStoredName;
            nominee.PhotoStoredName = storedName;
            nominee.PhotoSha256 = Convert.ToHexStringLower(SHA256.HashData(jpeg));
            audit.Describe("Nominee.PhotoUploaded");
            try { await db.SaveChangesAsync(ct); }
            catch
            {
                store.Delete(storedName);
                throw;
            }
            if (old is not null) store.Delete(old);
            return Outcome<string>.Ok(nominee.PhotoSha256);
        }

        /// <summary>Decoded pixels only, encoded afresh: whatever else the file carried is gone.</summary>
        private static byte[]? Reencode(string path)
        {
            using var codec = SKCodec.Create(path);
            if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
            using var decoded = SKBitmap.Decode(codec);
            if (decoded is null) return null;
            var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
            using var sized = scale < 1.0
                ? decoded.Resize(new SKImageInfo((int)(decoded.Width * scale), (int)(decoded.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear))
                : decoded.Copy();
            using var image = SKImage.FromBitmap(sized);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            return data.ToArray();
        }
    }
}
