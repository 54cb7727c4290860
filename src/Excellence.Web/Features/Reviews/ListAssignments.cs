using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// The expert's queue: its Active assignments with the sheet's status, total and the year's review due date, in one
/// projection query (no entity is loaded). Recused or removed assignments are not in it.
/// </summary>
public static class ListAssignments
{
    public sealed record Row(Guid AssignmentId, Guid ApplicationId, string? ReceiptNumber, string Title, int Year, Category Category,
        Stage Stage, ReviewStatus Status, decimal? Total, DateTime? UpdatedAt, DateOnly? DueOn);

    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Actor actor, int? year = null, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Expert) || actor.ExpertId is not { } me) return [];
            var query = from a in db.Assignments
                        where a.ExpertId == me && a.Status == AssignmentStatus.Active && (year == null || a.Year == year)
                        join app in db.Applications on a.ApplicationId equals app.Id
                        from r in db.Reviews.Where(r => r.AssignmentId == a.Id).DefaultIfEmpty()
                        select new Row(a.Id, a.ApplicationId, app.ReceiptNumber, app.Title, a.Year, app.Category, app.Stage,
                            r == null ? ReviewStatus.Empty : r.Status, r == null ? null : (decimal?)r.Total, r == null ? null : (DateTime?)r.UpdatedAt,
                            db.RoundPhases.Where(p => p.RoundId == a.RoundId && p.Kind == PhaseKind.Evaluation).Select(p => (DateOnly?)p.EndsOn).FirstOrDefault());
            var rows = await query.AsNoTracking().ToListAsync(ct);
            // Unfinished first (not started, then drafts), then submitted; by receipt number within.
            return rows.OrderBy(r => r.Status == ReviewStatus.Submitted).ThenBy(r => r.Year).ThenBy(r => r.ReceiptNumber ?? r.Title, StringComparer.Ordinal).ToList();
        }

        /// <summary>The next sheet the expert still has to finish after <paramref name="current"/> (wrapping round), or null.</summary>
        public async Task<Guid?> NextUnfinishedAsync(Actor actor, Guid current, CancellationToken ct = default)
        {
            var rows = await HandleAsync(actor, null, ct);
            var unfinished = rows.Where(r => r.Status != ReviewStatus.Submitted && r.Stage == Stage.PreliminaryReview).ToList();
            var index = unfinished.FindIndex(r => r.AssignmentId == current);
            var next = unfinished.Skip(index + 1).Concat(unfinished.Take(Math.Max(index, 0))).FirstOrDefault(r => r.AssignmentId != current);
            return next?.AssignmentId;
        }
    }
}
