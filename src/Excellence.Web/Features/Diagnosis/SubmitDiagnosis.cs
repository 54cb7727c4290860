using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Submits a diagnosis: every question answered or N/A, the statement of truthfulness confirmed; scores it once.</summary>
public static class SubmitDiagnosis
{
    public sealed record Command(Guid Id, bool Truthfulness, int? ExpectedVersion);

    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Domain.Diagnosis.DiagnosisResult>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var diagnosis = await DiagnosisQueries.Find(db, command.Id, ct);
            if (diagnosis is null) return Outcome<Domain.Diagnosis.DiagnosisResult>.NotFound();
            var decision = Permissions.CanEditDiagnosis(actor, diagnosis.OrganizationId, diagnosis.IsSubmitted);
            if (!decision) return Outcome<Domain.Diagnosis.DiagnosisResult>.Denied(decision);
            if (command.ExpectedVersion is { } expected && expected != diagnosis.Version) return Outcome<Domain.Diagnosis.DiagnosisResult>.Stale();

            var system = (await DiagnosisQueries.SystemOf(db, diagnosis, ct)).Definition;
            var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == diagnosis.OrganizationId, ct);
            var problems = diagnosis.Submit(system, command.Truthfulness, organization, clock.GetUtcNow().UtcDateTime);
            if (problems.Count > 0) return Outcome<Domain.Diagnosis.DiagnosisResult>.Invalid(problems);
            diagnosis.Version++;
            audit.Describe("Diagnosis.Submitted");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Domain.Diagnosis.DiagnosisResult>.Stale(); }
            return Outcome<Domain.Diagnosis.DiagnosisResult>.Ok(diagnosis.Result!);
        }
    }
}
