using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>
/// Saves the content of a draft version (dimensions, questions, scales, bands, weights, levels). A draft may
/// be saved while incomplete; the answer lists what still stops it being published.
/// </summary>
public static class EditIndicatorSystem
{
    public sealed record Command(Guid Id, IndicatorDefinition Definition, int ExpectedVersion);

    public sealed record Saved(int Version, IReadOnlyList<FieldProblem> Remaining);

    public sealed class Handler(AppDb db, AuditRecorder audit)
    {
        public async Task<Outcome<Saved>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var decision = Permissions.CanManageIndicatorSystems(actor);
            if (!decision) return Outcome<Saved>.Denied(decision);
            var system = await db.IndicatorSystems.FirstOrDefaultAsync(s => s.Id == command.Id, ct);
            if (system is null) return Outcome<Saved>.NotFound();
            if (!system.IsEditable) return Outcome<Saved>.Conflict(new Problem("Diagnosis.System.AlreadyPublished"));
            if (system.Version != command.ExpectedVersion) return Outcome<Saved>.Stale();
            foreach (var q in command.Definition.AllIndicators)
                if (q.Scale != AnswerScale.Q5) q.Options = [];
            system.Definition = command.Definition;
            system.Version++;
            audit.Describe("Diagnosis.SystemEdited");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Saved>.Stale(); }
            return Outcome<Saved>.Ok(new Saved(system.Version, command.Definition.Validate()));
        }
    }
}
