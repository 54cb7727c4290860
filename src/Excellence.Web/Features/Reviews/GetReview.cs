using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// The score sheet of one assignment as its expert sees it: the rubric, its own scores (empty before the first save),
/// whether it may still change them, and — only after its own submission — the submitted sheets of the other
/// experts of its review group on the same application.
/// </summary>
public static class GetReview
{
    public sealed record ScoreView(string Code, int? BandPercent, string? Comment, decimal? Points);

    public sealed record OtherReview(string ExpertName, decimal Total, IReadOnlyList<ScoreView> Scores, string Strengths, string Opportunities, VetoReason? Veto);

    public sealed record View(
        Guid AssignmentId, Guid ApplicationId, string ApplicationTitle, string? ReceiptNumber, int Year, Category Category, Stage Stage,
        DateOnly? DueOn, ReviewStatus Status, int Version, IReadOnlyList<CriterionView> Criteria, IReadOnlyList<ScoreView> Scores,
        string Strengths, string Opportunities, VetoReason? Veto, string? VetoNote, decimal Total, DateTime? UpdatedAt, DateTime? SubmittedAt,
        bool CanEdit, string? ReadOnlyReason, IReadOnlyList<OtherReview>? Others);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Guid assignmentId, CancellationToken ct = default)
        {
            var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, ct);
            if (assignment is null) return Outcome<View>.NotFound();
            var read = Permissions.CanReadReview(actor, assignment);
            if (!read) return Outcome<View>.Denied(read);

            var app = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
                .Select(a => new { a.Title, a.ReceiptNumber, a.Stage, a.Category }).FirstAsync(ct);
            var rubric = await db.RubricForReadingAsync(assignment.Year, app.Category, ct);
            if (rubric is null) return Outcome<View>.NotFound();
            var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.AssignmentId == assignmentId, ct);
            var dueOn = await DueOnAsync(db, assignment.RoundId, ct);
            var score = Permissions.CanScore(actor, assignment, app.Stage, review);
            var others = await OthersAsync(actor, assignment, app.Category, review, rubric, ct);
            return Outcome<View>.Ok(new View(assignment.Id, assignment.ApplicationId, app.Title, app.ReceiptNumber, assignment.Year, app.Category,
                app.Stage, dueOn, review?.Status ?? ReviewStatus.Empty, review?.Version ?? 0,
                rubric.Criteria.OrderBy(c => c.Order).Select(CriterionView.Of).ToList(),
                Scores(rubric.Criteria, review?.Scores ?? []), review?.Strengths ?? "", review?.Opportunities ?? "", review?.Veto, review?.VetoNote,
                review?.Total ?? 0m, review?.UpdatedAt, review?.SubmittedAt, score.Allowed, score.Reason?.Key, others));
        }

        internal static async Task<DateOnly?> DueOnAsync(AppDb db, Guid roundId, CancellationToken ct) =>
            await db.RoundPhases.AsNoTracking().Where(p => p.RoundId == roundId && p.Kind == PhaseKind.Evaluation)
                .Select(p => (DateOnly?)p.EndsOn).FirstOrDefaultAsync(ct);

        private async Task<IReadOnlyList<OtherReview>?> OthersAsync(Actor actor, Assignment assignment, Category category, Review? own, Rubric rubric, CancellationToken ct)
        {
            var me = actor.ExpertId!.Value;
            var groupIds = await (from m in db.ReviewGroupMembers
                                  join g in db.ReviewGroups on m.ReviewGroupId equals g.Id
                                  where m.ExpertId == me && g.Year == assignment.Year && g.Category == category
                                  select g.Id).ToListAsync(ct);
            if (!Permissions.MaySeeOtherScores(own, groupIds.Count > 0)) return null;
            var rows = await (from r in db.Reviews
                              join e in db.Experts on r.ExpertId equals e.Id
                              where r.ApplicationId == assignment.ApplicationId && r.ExpertId != me && r.Status == ReviewStatus.Submitted
                                    && db.ReviewGroupMembers.Any(m => groupIds.Contains(m.ReviewGroupId) && m.ExpertId == r.ExpertId)
                              orderby e.Name
                              select new { e.Name, r.Total, r.Scores, r.Strengths, r.Opportunities, r.Veto }).AsNoTracking().ToListAsync(ct);
            return rows.Select(r => new OtherReview(r.Name, r.Total, Scores(rubric.Criteria, r.Scores), r.Strengths, r.Opportunities, r.Veto)).ToList();
        }

        internal static IReadOnlyList<ScoreView> Scores(IEnumerable<Criterion> criteria, IReadOnlyList<CriterionScore> scores) =>
            criteria.OrderBy(c => c.Order).Select(c =>
            {
                var s = scores.FirstOrDefault(x => x.Code == c.Code);
                return new ScoreView(c.Code, s?.BandPercent, s?.Comment, s?.BandPercent is { } b ? ScoreSheet.Points(c.MaxPoints, b) : null);
            }).ToList();
    }
}
