using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>
/// The state of assignment in a year (optionally one category), for the secretariat: coverage of each
/// application in preliminary review, the load per expert, and the experts excluded from each and why.
/// </summary>
public static class AssignmentReport
{
    public sealed record AppRow(Guid ApplicationId, string? ReceiptNumber, string Title, string OrganizationName, Category Category, int Required,
        int Assigned, int Eligible, IReadOnlyList<string> Experts, IReadOnlyList<ListApplicationAssignments.ExcludedRow> Excluded)
    {
        public bool Covered => Assigned >= Required;
    }

    public sealed record LoadRow(Guid ExpertId, string Name, string OrganizationName, int Load, bool Eligible);

    public sealed record Result(int Year, Category? Category, IReadOnlyList<AppRow> Applications, IReadOnlyList<LoadRow> Load)
    {
        public int FullyCovered => Applications.Count(a => a.Covered);
        public int Short => Applications.Count(a => !a.Covered);
    }

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, int year, Category? category, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Result>.Denied(may);
            var world = await AssignmentWorld.LoadAsync(db, year, category, null, ct);
            var experts = world.Experts.ToDictionary(e => e.Id);
            var active = world.Assignments.Where(a => a.Status == AssignmentStatus.Active).ToList();
            var apps = world.Applications.Select(a =>
            {
                var mine = active.Where(x => x.ApplicationId == a.Id).Select(x => experts[x.ExpertId].Name).Order().ToList();
                var excluded = world.Exclusions.Values.Where(x => x.ApplicationId == a.Id)
                    .Select(x => new ListApplicationAssignments.ExcludedRow(x.ExpertId, experts[x.ExpertId].Name, x.Kinds, x.Reason))
                    .OrderBy(x => x.ExpertName).ToList();
                var eligible = world.Experts.Count(e => world.IsEligible(e) && !world.Exclusions.ContainsKey((a.Id, e.Id)));
                return new AppRow(a.Id, a.ReceiptNumber, a.Title, a.OrganizationName, a.Category, world.PerApplication(a.Category), mine.Count, eligible, mine, excluded);
            }).ToList();
            var load = world.Experts.Select(e => new LoadRow(e.Id, e.Name, e.OrganizationName, active.Count(a => a.ExpertId == e.Id), world.IsEligible(e)))
                .Where(l => l.Load > 0 || l.Eligible).OrderByDescending(l => l.Load).ThenBy(l => l.Name).ToList();
            return Outcome<Result>.Ok(new Result(year, category, apps, load));
        }
    }
}
