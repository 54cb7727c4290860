using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Publishes a valid draft: new diagnoses use it; existing ones keep the version they were answered with.</summary>
public static class PublishIndicatorSystem
{
    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<int>> Handle(Actor actor, Guid id, CancellationToken ct = default)
        {
            var decision = Permissions.CanManageIndicatorSystems(actor);
            if (!decision) return Outcome<int>.Denied(decision);
            var system = await db.IndicatorSystems.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (system is null) return Outcome<int>.NotFound();
            var problems = system.Publish(clock.GetUtcNow().UtcDateTime);
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);
            audit.Describe("Diagnosis.SystemPublished");
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Ok(system.Number);
        }
    }
}
