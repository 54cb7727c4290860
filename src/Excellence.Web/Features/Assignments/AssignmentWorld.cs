using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>One application to be reviewed, with what conflicts and domain match need.</summary>
public sealed record WorldApplication(Guid Id, Category Category, string Title, string? ReceiptNumber, string OrganizationName,
    ApplicantTies Ties, Industry Industry, IReadOnlyList<string> Sectors);

/// <summary>Why one expert may not review one application (shown to the secretariat only).</summary>
public sealed record Exclusion(Guid ApplicationId, Guid ExpertId, IReadOnlyList<ConflictKind> Kinds, string? Reason);

/// <summary>
/// Everything assignment needs for a year (optionally one category): the applications in preliminary review,
/// the pool with availability, detected and declared conflicts, recusals, the assignments, the rubric's numbers.
/// </summary>
public sealed class AssignmentWorld
{
    public required int Year { get; init; }
    public required IReadOnlyList<WorldApplication> Applications { get; init; }
    public required IReadOnlyList<Expert> Experts { get; init; }
    public required IReadOnlySet<Guid> Unavailable { get; init; }
    public required IReadOnlyList<Assignment> Assignments { get; init; }
    public required Dictionary<(Guid App, Guid Expert), Exclusion> Exclusions { get; init; }
    public required IReadOnlyDictionary<Category, (int PerApplication, int AffiliationYears)> Rubric { get; init; }

    public const int DefaultPerApplication = 3;
    public const int DefaultAffiliationYears = 3;

    public bool IsEligible(Expert e) => e.IsActive && !Unavailable.Contains(e.Id);

    public int PerApplication(Category c) => Rubric.TryGetValue(c, out var r) ? r.PerApplication : DefaultPerApplication;

    /// <summary>Loads the world; <paramref name="applicationIds"/> narrows it to some applications (any stage).</summary>
    public static async Task<AssignmentWorld> LoadAsync(AppDb db, int year, Category? category, IReadOnlyCollection<Guid>? applicationIds, CancellationToken ct)
    {
        var apps = db.Applications.AsNoTracking().Where(a => a.Year == year);
        apps = applicationIds is null ? apps.Where(a => a.Stage == Stage.PreliminaryReview) : apps.Where(a => applicationIds.Contains(a.Id));
        if (category is { } c) apps = apps.Where(a => a.Category == c);
        var rows = await (from a in apps
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          join r in db.RecommenderUnits on a.RecommenderUnitId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          select new
                          {
                              a.Id, a.Category, a.Title, a.ReceiptNumber, a.IsDirect, OrgName = o.Name, OrgCode = o.CreditCode, o.Industry, o.Sectors,
                              RecName = r == null ? null : r.Name, RecCode = r == null ? null : r.CreditCode,
                              RecKind = r == null ? (RecommenderKind?)null : r.Kind,
                          }).ToListAsync(ct);
        var world = rows.Select(r => new WorldApplication(r.Id, r.Category, r.Title, r.ReceiptNumber, r.OrgName,
            new ApplicantTies(r.OrgName, r.OrgCode, r.IsDirect ? null : r.RecName, r.IsDirect ? null : r.RecCode, r.RecKind == RecommenderKind.GroupCompany),
            r.Industry, r.Sectors)).OrderBy(a => a.ReceiptNumber).ThenBy(a => a.Id).ToList();

        var experts = await db.Experts.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
        var unavailable = (await db.ExpertAvailability.AsNoTracking().Where(a => a.Year == year && !a.Available).Select(a => a.ExpertId).ToListAsync(ct)).ToHashSet();
        var ids = world.Select(a => a.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        var declared = await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct);
        var rubric = (await db.Rubrics.AsNoTracking().Where(r => r.Year == year).Select(r => new { r.Category, r.ExpertsPerApplication, r.AffiliationYears }).ToListAsync(ct))
            .GroupBy(r => r.Category).ToDictionary(g => g.Key, g => (g.First().ExpertsPerApplication, g.First().AffiliationYears));

        var exclusions = new Dictionary<(Guid, Guid), Exclusion>();
        foreach (var a in world)
        {
            var years = rubric.TryGetValue(a.Category, out var r) ? r.AffiliationYears : DefaultAffiliationYears;
            foreach (var e in experts)
            {
                var kinds = Conflicts.Detect(e, a.Ties, year, years);
                if (kinds.Count > 0) exclusions[(a.Id, e.Id)] = new Exclusion(a.Id, e.Id, kinds, null);
            }
        }
        foreach (var d in declared)
        {
            var key = (d.ApplicationId, d.ExpertId);
            exclusions[key] = exclusions.TryGetValue(key, out var x)
                ? x with { Kinds = x.Kinds.Append(d.Kind).Distinct().ToList(), Reason = d.Reason }
                : new Exclusion(d.ApplicationId, d.ExpertId, [d.Kind], d.Reason);
        }
        foreach (var r2 in assignments.Where(a => a.Status == AssignmentStatus.Recused))
        {
            var key = (r2.ApplicationId, r2.ExpertId);
            if (!exclusions.ContainsKey(key)) exclusions[key] = new Exclusion(r2.ApplicationId, r2.ExpertId, [ConflictKind.Declared], r2.RecusalReason);
        }
        return new AssignmentWorld
        {
            Year = year, Applications = world, Experts = experts, Unavailable = unavailable, Assignments = assignments,
            Exclusions = exclusions, Rubric = rubric,
        };
    }

    /// <summary>The planner's input for the applications of one category.</summary>
    public PlanInput PlanInputFor(Category category, int perApplication, int seed)
    {
        var apps = Applications.Where(a => a.Category == category).ToList();
        var ids = apps.Select(a => a.Id).ToHashSet();
        return new PlanInput(
            Experts.Select(e => new PlanExpert(e.Id, e.Categories.ToHashSet(), e.Industries.ToHashSet(), e.Sectors.ToHashSet(), IsEligible(e))).ToList(),
            apps.Select(a => new PlanApplication(a.Id, a.Category, a.Industry, a.Sectors)).ToList(),
            Exclusions.Keys.Where(k => ids.Contains(k.App)).ToHashSet(),
            Assignments.Where(a => a.Status == AssignmentStatus.Active && ids.Contains(a.ApplicationId)).Select(a => (a.ApplicationId, a.ExpertId)).ToList(),
            perApplication, seed);
    }
}
