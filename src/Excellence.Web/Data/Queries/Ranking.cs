using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data.Queries;

/// <summary>
/// What the ranking of one year and category reads, in a handful of untracked queries: the rubric, the applications
/// under review, the active assignments, every score sheet (one query, a projection of the totals and the Scores
/// JSON) and the consensus rows. The aggregation happens in memory (Features/Ranking/RankingBoard).
/// </summary>
public static class RankingQuery
{
    public sealed record ApplicationRow(Guid Id, string? ReceiptNumber, string Title, string OrganizationName, Stage Stage, int Version,
        decimal? PreliminaryScore, Level? ProposedLevel, bool IsBenchmarkCandidate);

    public sealed record AssignmentRow(Guid ApplicationId, Guid ExpertId, Guid? ReviewGroupId);

    public sealed record SheetRow(Guid ApplicationId, Guid ExpertId, ReviewStatus Status, decimal Total, VetoReason? Veto, List<CriterionScore> Scores);

    public sealed record World(Rubric Rubric, IReadOnlyList<ApplicationRow> Applications, IReadOnlyList<AssignmentRow> Assignments,
        IReadOnlyList<SheetRow> Sheets, IReadOnlyList<Consensus> Consensus);

    /// <summary>The stages in which an application has (or had) a preliminary review and shows in the ranking.</summary>
    public static readonly Stage[] RankedStages =
    [
        Stage.PreliminaryReview, Stage.PanelReview, Stage.SiteVerification, Stage.Proposed, Stage.Approved, Stage.NotApproved,
        Stage.PublicNotice, Stage.Published,
    ];

    /// <summary>Null when the year and category have no rubric. <paramref name="applicationId"/> narrows to one application.</summary>
    public static async Task<World?> LoadAsync(AppDb db, int year, Category category, Guid? applicationId = null, CancellationToken ct = default)
    {
        var rubric = await db.Rubrics.AsNoTracking().Include(r => r.Criteria)
            .FirstOrDefaultAsync(r => r.Year == year && r.Category == category, ct);
        if (rubric is null) return null;
        rubric.Criteria = rubric.Criteria.OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

        var apps = db.Applications.AsNoTracking().Where(a => a.Year == year && a.Category == category && RankedStages.Contains(a.Stage));
        if (applicationId is { } one) apps = apps.Where(a => a.Id == one);
        var applications = await (from a in apps
                                  join o in db.Organizations on a.OrganizationId equals o.Id
                                  select new ApplicationRow(a.Id, a.ReceiptNumber, a.Title, o.Name, a.Stage, a.Version,
                                      a.PreliminaryScore, a.ProposedLevel, a.IsBenchmarkCandidate)).ToListAsync(ct);

        var assignments = db.Assignments.AsNoTracking().Where(x => x.Year == year && x.Category == category && x.Status == AssignmentStatus.Active);
        if (applicationId is { } id) assignments = assignments.Where(x => x.ApplicationId == id);
        var assigned = await assignments.Select(x => new AssignmentRow(x.ApplicationId, x.ExpertId, x.ReviewGroupId)).ToListAsync(ct);

        var sheets = await (from r in db.Reviews.AsNoTracking()
                            join x in assignments on r.AssignmentId equals x.Id
                            select new SheetRow(r.ApplicationId, r.ExpertId, r.Status, r.Total, r.Veto, r.Scores)).ToListAsync(ct);

        var consensus = db.Consensus.AsNoTracking().Where(c => db.Applications.Any(a => a.Id == c.ApplicationId && a.Year == year && a.Category == category));
        if (applicationId is { } cid) consensus = consensus.Where(c => c.ApplicationId == cid);
        return new World(rubric, applications, assigned, sheets, await consensus.ToListAsync(ct));
    }
}
