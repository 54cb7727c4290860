using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>For the secretariat: who is assigned to an application, and which experts are excluded and why.</summary>
public static class ListApplicationAssignments
{
    public sealed record Row(Guid Id, Guid ExpertId, string ExpertName, string OrganizationName, AssignmentSource Source, AssignmentStatus Status,
        DateTime AssignedAt, string? RecusalReason, int Version);

    public sealed record ExcludedRow(Guid ExpertId, string ExpertName, IReadOnlyList<ConflictKind> Kinds, string? Reason);

    public sealed record Result(Guid ApplicationId, int Required, IReadOnlyList<Row> Items, IReadOnlyList<ExcludedRow> Excluded);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Result>.Denied(may);
            var app = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => new { a.Year, a.Category }).FirstOrDefaultAsync(ct);
            if (app is null) return Outcome<Result>.NotFound();
            var world = await AssignmentWorld.LoadAsync(db, app.Year, null, [applicationId], ct);
            var experts = world.Experts.ToDictionary(e => e.Id);
            var rows = world.Assignments.OrderBy(a => a.AssignedAt).Select(a => new Row(a.Id, a.ExpertId, experts[a.ExpertId].Name,
                experts[a.ExpertId].OrganizationName, a.Source, a.Status, a.AssignedAt, a.RecusalReason, a.Version)).ToList();
            var excluded = world.Exclusions.Values.Where(x => x.ApplicationId == applicationId)
                .Select(x => new ExcludedRow(x.ExpertId, experts[x.ExpertId].Name, x.Kinds, x.Reason)).OrderBy(x => x.ExpertName).ToList();
            return Outcome<Result>.Ok(new Result(applicationId, world.PerApplication(app.Category), rows, excluded));
        }
    }
}
