using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// The secretariat's screening queue: recommended and direct applications in screening, and apart from them those
/// awaiting a supplement with their due dates and lateness, filtered by year, category and stage, with counts.
/// </summary>
public static class ScreeningQueue
{
    public sealed record Query(int? Year = null, Category? Category = null, Stage? Stage = null);

    public sealed record Row(Guid Id, string? ReceiptNumber, string Title, string OrganizationName, int Year, Category Category, Stage Stage,
        bool IsDirect, DateTime? SubmittedAt, int Rounds, DateOnly? DueOn, bool Overdue, int DaysOverdue, bool LastAnswerLate);

    public sealed record Result(IReadOnlyList<Row> Screening, IReadOnlyList<Row> AwaitingSupplement, IReadOnlyDictionary<Stage, int> Counts,
        IReadOnlyList<int> Years, int? Year);

    public static readonly IReadOnlySet<Stage> Stages = new HashSet<Stage> { Stage.Screening, Stage.AwaitingSupplement };

    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Query query, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return Outcome<Result>.NotFound();
            var years = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(ct);
            var year = query.Year ?? years.FirstOrDefault();
            var q = db.Applications.AsNoTracking().Where(a => a.Year == year && (a.Stage == Stage.Screening || a.Stage == Stage.AwaitingSupplement));
            if (query.Category is { } category) q = q.Where(a => a.Category == category);
            var counts = await q.GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            if (query.Stage is { } stage && Stages.Contains(stage)) q = q.Where(a => a.Stage == stage);
            var apps = await q.OrderBy(a => a.SubmittedAt).ThenBy(a => a.ReceiptNumber)
                .Select(a => new
                {
                    a.Id, a.ReceiptNumber, a.Title, Org = db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                    a.Year, a.Category, a.Stage, a.IsDirect, a.SubmittedAt,
                }).Take(1000).ToListAsync(ct);
            var ids = apps.Select(a => a.Id).ToList();
            var requests = await db.SupplementRequests.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct);
            var now = clock.UtcNow();
            var rows = apps.Select(a =>
            {
                var mine = requests.Where(r => r.ApplicationId == a.Id).OrderBy(r => r.RoundNumber).ToList();
                var open = mine.FirstOrDefault(r => r.IsOpen);
                var lastAnswered = mine.LastOrDefault(r => !r.IsOpen);
                return new Row(a.Id, a.ReceiptNumber, a.Title, a.Org ?? "", a.Year, a.Category, a.Stage, a.IsDirect, a.SubmittedAt, mine.Count,
                    open?.DueOn, open is not null && SupplementRules.IsOverdue(open, now), open is null ? 0 : SupplementRules.DaysLate(open.DueOn, now),
                    lastAnswered?.IsLate ?? false);
            }).ToList();
            return Outcome<Result>.Ok(new Result(
                rows.Where(r => r.Stage == Stage.Screening).ToList(),
                rows.Where(r => r.Stage == Stage.AwaitingSupplement).OrderBy(r => r.DueOn).ToList(),
                counts, years, years.Count == 0 ? null : year));
        }
    }
}
