using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>
/// The secretariat assigns chosen experts to one application in preliminary review. All or nothing: an
/// expert with a conflict, inactive or unavailable that year refuses the whole request, saying who and why.
/// </summary>
public static class AssignManually
{
    public sealed record Command(Guid ApplicationId, IReadOnlyList<Guid>? ExpertIds);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<IReadOnlyList<Guid>>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<IReadOnlyList<Guid>>.Denied(may);
            var app = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.ApplicationId, ct);
            if (app is null) return Outcome<IReadOnlyList<Guid>>.NotFound();
            if (app.Stage != Stage.PreliminaryReview) return Outcome<IReadOnlyList<Guid>>.Conflict(new Problem("Assignments.NotInPreliminaryReview"));
            var ids = (command.ExpertIds ?? []).Distinct().ToList();
            if (ids.Count == 0) return Outcome<IReadOnlyList<Guid>>.Invalid("expertIds", "Validation.Required");

            var world = await AssignmentWorld.LoadAsync(db, app.Year, null, [app.Id], ct);
            foreach (var id in ids)
            {
                var expert = world.Experts.FirstOrDefault(e => e.Id == id);
                if (expert is null) return Outcome<IReadOnlyList<Guid>>.Invalid("expertIds", "Assignments.UnknownExpert");
                if (world.Exclusions.TryGetValue((app.Id, id), out var x))
                    return Outcome<IReadOnlyList<Guid>>.Conflict(new Problem("Assignments.Conflicted", expert.Name,
                        string.Join(", ", x.Kinds.Select(k => k.ToString()))));
                if (!world.IsEligible(expert))
                    return Outcome<IReadOnlyList<Guid>>.Conflict(new Problem("Assignments.Unavailable", expert.Name));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var group = await db.ReviewGroups.AsNoTracking().Include(g => g.Members)
                .Where(g => g.Year == app.Year && g.Category == app.Category).ToListAsync(ct);
            var tracked = await db.Assignments.Where(a => a.ApplicationId == app.Id && ids.Contains(a.ExpertId)).ToListAsync(ct);
            var result = new List<Guid>();
            foreach (var id in ids)
            {
                var row = tracked.FirstOrDefault(a => a.ExpertId == id);
                if (row is { Status: AssignmentStatus.Active }) { result.Add(row.Id); continue; }
                if (row is null)
                {
                    row = new Assignment { ApplicationId = app.Id, ExpertId = id, RoundId = app.RoundId, Year = app.Year, Category = app.Category };
                    db.Assignments.Add(row);
                }
                else row.Version++;
                row.Status = AssignmentStatus.Active;
                row.Source = AssignmentSource.Manual;
                row.AssignedAt = now;
                row.AssignedBy = actor.UserId;
                row.ReviewGroupId = group.FirstOrDefault(g => g.Members.Any(m => m.ExpertId == id))?.Id;
                result.Add(row.Id);
            }
            audit.Describe("Assignments.Manual");
            await db.SaveChangesAsync(ct);
            return Outcome<IReadOnlyList<Guid>>.Ok(result);
        }
    }
}
