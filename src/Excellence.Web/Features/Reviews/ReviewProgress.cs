using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>The secretariat's view of the preliminary review of a year (and category): per expert and per application.</summary>
public static class ReviewProgress
{
    public sealed record ExpertRow(Guid ExpertId, string Name, string Email, int Assigned, int NotStarted, int Drafts, int Submitted)
    {
        public int Unfinished => NotStarted + Drafts;
    }

    public sealed record ApplicationRow(Guid ApplicationId, string? ReceiptNumber, string Title, Category Category, Stage Stage, int Submitted, int Assigned);

    public sealed record View(int Year, Category? Category, IReadOnlyList<ExpertRow> Experts, IReadOnlyList<ApplicationRow> Applications);

    internal sealed record Cell(Guid ExpertId, string ExpertName, string ExpertEmail, Guid ApplicationId, string? ReceiptNumber, string Title,
        Category Category, Stage Stage, ReviewStatus Status);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, int year, Category? category, CancellationToken ct = default)
        {
            var may = Permissions.CanFollowReviews(actor);
            if (!may) return Outcome<View>.Denied(may);
            var cells = await CellsAsync(db, year, category, ct);
            var experts = cells.GroupBy(c => c.ExpertId).Select(g => new ExpertRow(g.Key, g.First().ExpertName, g.First().ExpertEmail, g.Count(),
                    g.Count(c => c.Status == ReviewStatus.Empty), g.Count(c => c.Status == ReviewStatus.Draft), g.Count(c => c.Status == ReviewStatus.Submitted)))
                .OrderByDescending(e => e.Unfinished).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
            var apps = cells.GroupBy(c => c.ApplicationId).Select(g => new ApplicationRow(g.Key, g.First().ReceiptNumber, g.First().Title,
                    g.First().Category, g.First().Stage, g.Count(c => c.Status == ReviewStatus.Submitted), g.Count()))
                .OrderBy(a => a.ReceiptNumber ?? a.Title, StringComparer.Ordinal).ToList();
            return Outcome<View>.Ok(new View(year, category, experts, apps));
        }
    }

    /// <summary>One row per Active assignment of the year with its sheet's status (one query).</summary>
    internal static async Task<List<Cell>> CellsAsync(AppDb db, int year, Category? category, CancellationToken ct) =>
        await (from a in db.Assignments
               where a.Year == year && a.Status == AssignmentStatus.Active && (category == null || a.Category == category)
               join e in db.Experts on a.ExpertId equals e.Id
               join app in db.Applications on a.ApplicationId equals app.Id
               from r in db.Reviews.Where(r => r.AssignmentId == a.Id).DefaultIfEmpty()
               select new Cell(e.Id, e.Name, e.Email, app.Id, app.ReceiptNumber, app.Title, app.Category, app.Stage,
                   r == null ? ReviewStatus.Empty : r.Status)).AsNoTracking().ToListAsync(ct);
}
