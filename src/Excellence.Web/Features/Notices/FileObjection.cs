using System.Security.Cryptography;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Notices;

/// <summary>
/// 实名异议: anyone objects to one application of an open notice, with name, ID number or mobile, organisation,
/// contact, grounds and evidence. Refused outside the period (naming it), when the honeypot is filled, when the
/// form comes back too fast or unsigned, and when the same person already objected to the same application.
/// The identity is stored encrypted; the objector gets a receipt number.
/// </summary>
public static class FileObjection
{
    public sealed record Upload(string? FileName, Stream Content);

    public sealed record Command(Guid NoticeId, Guid? ApplicationId, string? Name, ObjectorIdentity? IdentityKind, string? Identity,
        string? Organization, string? Contact, string? Email, string? Grounds, string? FormToken, string? Website, IReadOnlyList<Upload> Files);

    public sealed record Receipt(string ReceiptNumber, DateTime SubmittedAt);

    /// <summary>Evidence per file of an objection (the whole objection at most <see cref="Objection.MaxFiles"/> files).</summary>
    public const long FileLimitBytes = 10L * 1024 * 1024;

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, PersonalData pii, ObjectionGuard guard,
        IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<Receipt>> HandleAsync(Command c, CancellationToken ct = default)
        {
            var notice = await db.PublicNotices.AsNoTracking().Include(n => n.Items).FirstOrDefaultAsync(n => n.Id == c.NoticeId, ct);
            if (notice is null) return Outcome<Receipt>.NotFound();
            var now = clock.UtcNow();
            var open = Permissions.CanObject(notice, now);
            if (!open) return Outcome<Receipt>.Conflict(open.Reason!);
            // A filled honeypot is a robot: refused without saying which field gave it away.
            if (!string.IsNullOrEmpty(c.Website)) return Outcome<Receipt>.Invalid("", "Objection.Refused");
            switch (guard.Check(c.FormToken, notice.Id, now))
            {
                case ObjectionGuard.TokenCheck.TooFast: return Outcome<Receipt>.Invalid("", "Objection.TooFast");
                case ObjectionGuard.TokenCheck.Expired: return Outcome<Receipt>.Invalid("", "Objection.FormExpired");
                case ObjectionGuard.TokenCheck.Missing: return Outcome<Receipt>.Invalid("", "Objection.FormExpired");
            }

            var problems = new FieldProblems();
            var name = (c.Name ?? "").Trim();
            if (name.Length == 0) problems.Add("name", "Validation.Required");
            else if (name.Length > Objection.NameMax) problems.Add("name", "Validation.TooLong", Objection.NameMax);
            string identity = "";
            if (c.IdentityKind is null) problems.Add("identityKind", "Validation.Choice");
            else if (c.IdentityKind == ObjectorIdentity.ResidentId)
            {
                identity = ResidentId.Normalize(c.Identity);
                problems.Add("identity", ResidentId.Check(identity, clock.Today()));
            }
            else
            {
                identity = Phone.NormalizeMobile(c.Identity);
                problems.Add("identity", Phone.CheckMobile(identity));
            }
            var organization = (c.Organization ?? "").Trim();
            if (organization.Length > Objection.OrganizationMax) problems.Add("organization", "Validation.TooLong", Objection.OrganizationMax);
            var contact = (c.Contact ?? "").Trim();
            if (contact.Length == 0) problems.Add("contact", "Validation.Required");
            else if (contact.Length > Objection.ContactMax) problems.Add("contact", "Validation.TooLong", Objection.ContactMax);
            var email = (c.Email ?? "").Trim();
            if (email.Length > 254 || (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _)))
                problems.Add("email", "Validation.Email");
            if (c.ApplicationId is not { } applicationId || notice.Items.All(i => i.ApplicationId != applicationId))
                problems.Add("applicationId", "Objection.ChooseApplication");
            var grounds = (c.Grounds ?? "").Trim();
            if (grounds.Length == 0) problems.Add("grounds", "Validation.Required");
            else if (grounds.Length < Objection.GroundsMin) problems.Add("grounds", "Objection.GroundsTooShort", Objection.GroundsMin);
            else if (grounds.Length > Objection.GroundsMax) problems.Add("grounds", "Validation.TooLong", Objection.GroundsMax);
            if (c.Files.Count > Objection.MaxFiles) problems.Add("files", "Objection.TooManyFiles", Objection.MaxFiles);
            if (problems.Count > 0) return Outcome<Receipt>.Invalid(problems);

            var target = c.ApplicationId!.Value;
            var stage = await db.Applications.Where(a => a.Id == target).Select(a => a.Stage).FirstAsync(ct);
            if (stage != Stage.PublicNotice) return Outcome<Receipt>.Conflict(new Problem("Objection.NoLongerOnNotice"));
            var fingerprint = guard.Fingerprint(identity, target);
            if (await db.Objections.AnyAsync(o => o.Fingerprint == fingerprint, ct))
                return Outcome<Receipt>.Conflict(new Problem("Objection.Duplicate"));

            var store = new EvidenceStore(options);
            var objection = new Objection
            {
                NoticeId = notice.Id, ApplicationId = target, SubmittedAt = now,
                ReceiptNumber = $"YY{notice.Year}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}",
                NameCipher = pii.Protect(name), NameMasked = Masking.Name(name),
                IdentityKind = c.IdentityKind!.Value, IdentityCipher = pii.Protect(identity),
                IdentityMasked = c.IdentityKind == ObjectorIdentity.ResidentId ? ResidentId.Mask(identity) : Phone.Mask(identity),
                Fingerprint = fingerprint, Organization = organization,
                ContactCipher = pii.Protect(contact), ContactMasked = Masking.Contact(contact),
                EmailCipher = pii.Protect(email), HasEmail = email.Length > 0, Grounds = grounds,
            };
            var kept = new List<string>();
            foreach (var upload in c.Files)
            {
                var received = await store.ReceiveAsync(upload.Content, FileLimitBytes, ct);
                Problem? why = null;
                EvidenceKind? kind = null;
                if (received.TooLarge) why = new Problem("Evidence.TooLarge", FileLimitBytes / (1024 * 1024));
                else if (received.Size == 0) why = new Problem("Evidence.Empty");
                else (kind, why) = EvidenceInspector.Inspect(received.TempPath);
                if (why is not null || kind is null)
                {
                    EvidenceStore.Discard(received.TempPath);
                    foreach (var k in kept) store.Delete(k);
                    return Outcome<Receipt>.Invalid("files", why!.Key, why.Args);
                }
                var file = new ObjectionFile
                {
                    ObjectionId = objection.Id, FileName = EvidenceFiles.SafeName(upload.FileName, kind.Value),
                    ContentType = EvidenceFiles.ContentType(kind.Value), Size = received.Size, Sha256 = received.Sha256,
                    StoredName = Guid.NewGuid().ToString("N"),
                };
                store.Keep(received.TempPath, file.StoredName);
                kept.Add(file.StoredName);
                objection.Files.Add(file);
            }
            db.Objections.Add(objection);
            audit.Describe("Objection.Received");
            try { await db.SaveChangesAsync(ct); }
            catch (Exception e)
            {
                foreach (var k in kept) store.Delete(k);
                // The same person objecting twice at once: the unique fingerprint lets only one through.
                if (e is DbUpdateException && IsUniqueViolation(e)) return Outcome<Receipt>.Conflict(new Problem("Objection.Duplicate"));
                throw;
            }
            return Outcome<Receipt>.Ok(new Receipt(objection.ReceiptNumber, now));
        }

        private static bool IsUniqueViolation(Exception e) =>
            e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
            || e.InnerException is Npgsql.PostgresException { SqlState: "23505" };
    }
}
