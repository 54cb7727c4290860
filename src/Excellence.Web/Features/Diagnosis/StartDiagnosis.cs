using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Starts a diagnosis of the actor's organisation on the current version, or continues its open draft.</summary>
public static class StartDiagnosis
{
    public sealed record Started(Guid Id, bool Continued);

    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Started>> Handle(Actor actor, CancellationToken ct = default)
        {
            var decision = Permissions.CanStartDiagnosis(actor);
            if (!decision) return Outcome<Started>.Denied(decision);
            var orgId = actor.OrganizationId!.Value;
            var draft = await db.Diagnoses.Where(d => d.OrganizationId == orgId && d.Status == DiagnosisStatus.Draft)
                .OrderByDescending(d => d.CreatedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            if (draft is { } id) return Outcome<Started>.Ok(new Started(id, true));

            var system = await DiagnosisQueries.CurrentSystem(db, ct);
            if (system is null) return Outcome<Started>.Conflict(new Problem("Diagnosis.NoSystem"));
            var now = clock.GetUtcNow().UtcDateTime;
            var diagnosis = new Domain.Diagnosis.Diagnosis
            {
                OrganizationId = orgId, IndicatorSystemId = system.Id, SystemNumber = system.Number,
                Status = DiagnosisStatus.Draft, StartedBy = actor.UserId, CreatedAt = now, UpdatedAt = now,
            };
            db.Diagnoses.Add(diagnosis);
            audit.Describe("Diagnosis.Started");
            await db.SaveChangesAsync(ct);
            return Outcome<Started>.Ok(new Started(diagnosis.Id, false));
        }
    }
}
