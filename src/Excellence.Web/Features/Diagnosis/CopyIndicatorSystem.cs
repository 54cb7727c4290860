using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Copies the current published version into a new draft (one draft at a time).</summary>
public static class CopyIndicatorSystem
{
    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Guid>> Handle(Actor actor, CancellationToken ct = default)
        {
            var decision = Permissions.CanManageIndicatorSystems(actor);
            if (!decision) return Outcome<Guid>.Denied(decision);
            if (await db.IndicatorSystems.AnyAsync(s => s.Status == IndicatorSystemStatus.Draft, ct))
                return Outcome<Guid>.Conflict(new Problem("Diagnosis.System.DraftExists"));
            var current = await DiagnosisQueries.CurrentSystem(db, ct);
            if (current is null) return Outcome<Guid>.Conflict(new Problem("Diagnosis.NoSystem"));
            var number = await db.IndicatorSystems.MaxAsync(s => s.Number, ct) + 1;
            var draft = current.NewDraft(number, clock.GetUtcNow().UtcDateTime);
            db.IndicatorSystems.Add(draft);
            audit.Describe("Diagnosis.SystemDrafted");
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(draft.Id);
        }
    }
}
