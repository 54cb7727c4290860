using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Attaches an evidence file to one answer of a draft diagnosis (recognised by content), and reads it back.</summary>
public static class AttachEvidence
{
    public const string Area = "diagnosis";

    public sealed record Command(Guid DiagnosisId, string IndicatorCode, string FileName, Stream Content);

    public sealed record Download(Stream Content, string FileName, string ContentType);

    public sealed class Handler(AppDb db, FileStore files, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<DiagnosisEvidence>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DiagnosisId, ct);
            if (diagnosis is null) return Outcome<DiagnosisEvidence>.NotFound();
            var decision = Permissions.CanEditDiagnosis(actor, diagnosis.OrganizationId, diagnosis.IsSubmitted);
            if (!decision) return Outcome<DiagnosisEvidence>.Denied(decision);
            var system = (await DiagnosisQueries.SystemOf(db, diagnosis, ct)).Definition;
            if (system.Find(command.IndicatorCode) is null)
                return Outcome<DiagnosisEvidence>.Invalid("indicatorCode", "Diagnosis.Answer.UnknownQuestion", command.IndicatorCode);

            var saved = await files.SaveAsync(Area, diagnosis.Id, command.Content, ct: ct);
            if (saved.File is not { } file) return Outcome<DiagnosisEvidence>.Invalid([new FieldProblem("file", saved.Refusal!)]);
            var evidence = new DiagnosisEvidence
            {
                DiagnosisId = diagnosis.Id, IndicatorCode = command.IndicatorCode,
                FileName = Path.GetFileName(command.FileName.Replace('\\', '/')) is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "evidence",
                StoredName = file.StoredName, ContentType = file.ContentType, Length = file.Length, Sha256 = file.Sha256,
                UploadedBy = actor.UserId, UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.DiagnosisEvidence.Add(evidence);
            audit.Describe("Diagnosis.EvidenceAttached");
            await db.SaveChangesAsync(ct);
            return Outcome<DiagnosisEvidence>.Ok(evidence);
        }

        public async Task<Outcome<Download>> Open(Actor actor, Guid diagnosisId, Guid evidenceId, CancellationToken ct = default)
        {
            var found = await db.DiagnosisEvidence.AsNoTracking()
                .Where(e => e.Id == evidenceId && e.DiagnosisId == diagnosisId)
                .Join(db.Diagnoses, e => e.DiagnosisId, d => d.Id, (e, d) => new { e, d.OrganizationId })
                .FirstOrDefaultAsync(ct);
            if (found is null || !Permissions.CanReadDiagnosis(actor, found.OrganizationId)) return Outcome<Download>.NotFound();
            var stream = files.Open(Area, diagnosisId, found.e.StoredName);
            return stream is null ? Outcome<Download>.NotFound() : Outcome<Download>.Ok(new Download(stream, found.e.FileName, found.e.ContentType));
        }
    }
}
