using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

/// <summary>
/// One row of a notice as the public sees it. Without the applicant's consent only category and level are shown:
/// <see cref="Name"/> and <see cref="Title"/> are null and never leave the server.
/// </summary>
public sealed record NoticeRow(Guid ApplicationId, int Position, Category Category, Level? Level, bool Consented, string? Name, string? Title);

public sealed record NoticeView(Guid Id, int Year, DateOnly StartDate, DateOnly LastDay, DateTime StartsAt, DateTime EndsAt,
    NoticeStatus Status, string Contact, IReadOnlyList<NoticeRow> Items);

public sealed record NoticeSummary(Guid Id, int Year, DateOnly StartDate, DateOnly LastDay, NoticeStatus Status, int Count);

/// <summary>Reads notices for the public; shared by the pages and the API.</summary>
public static class NoticeReading
{
    /// <summary>Stages in which an application stays on its notice (a revoked result drops off).</summary>
    public static readonly Stage[] Listed = [Stage.PublicNotice, Stage.Published];

    public static async Task<NoticeView?> LoadAsync(AppDb db, Guid id, DateTime nowUtc, CancellationToken ct)
    {
        var n = await db.PublicNotices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return null;
        var rows = await (
            from i in db.PublicNoticeItems.AsNoTracking()
            where i.NoticeId == id
            join a in db.Applications.AsNoTracking() on i.ApplicationId equals a.Id
            where Listed.Contains(a.Stage)
            join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
            select new
            {
                i.ApplicationId, i.Position, a.Category, a.ApprovedLevel, a.ConsentToPublish, a.Title, OrgName = o.Name,
                NomineeName = a.Nominee != null ? a.Nominee.Name : null,
            }).ToListAsync(ct);
        var items = rows.OrderBy(r => r.Position).Select(r => r.ConsentToPublish
            ? new NoticeRow(r.ApplicationId, r.Position, r.Category, r.ApprovedLevel, true,
                r.Category == Category.IndividualExperience && !string.IsNullOrWhiteSpace(r.NomineeName) ? $"{r.NomineeName}（{r.OrgName}）" : r.OrgName, r.Title)
            : new NoticeRow(r.ApplicationId, r.Position, r.Category, r.ApprovedLevel, false, null, null)).ToList();
        return new NoticeView(n.Id, n.Year, n.StartDate, n.LastDay, n.StartsAtUtc, n.EndsAtUtc, n.StatusAt(nowUtc), n.Contact, items);
    }

    public static async Task<IReadOnlyList<NoticeSummary>> ListAsync(AppDb db, DateTime nowUtc, CancellationToken ct)
    {
        var notices = await db.PublicNotices.AsNoTracking().OrderByDescending(n => n.StartDate).ThenByDescending(n => n.CreatedAt)
            .Select(n => new { n.Id, n.Year, n.StartDate, Count = n.Items.Count }).ToListAsync(ct);
        return notices.Select(n => new NoticeSummary(n.Id, n.Year, n.StartDate, NoticePeriod.LastDay(n.StartDate),
            NoticePeriod.Status(n.StartDate, nowUtc), n.Count)).ToList();
    }
}

/// <summary>The public reads: all notices, the open one, one by id.</summary>
public static class GetNotice
{
    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<NoticeView>> HandleAsync(Guid id, CancellationToken ct = default) =>
            await NoticeReading.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } v ? Outcome<NoticeView>.Ok(v) : Outcome<NoticeView>.NotFound();

        /// <summary>The notice open now (the latest started, if several).</summary>
        public async Task<Outcome<NoticeView>> CurrentAsync(CancellationToken ct = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var open = (await NoticeReading.ListAsync(db, now, ct)).FirstOrDefault(n => n.Status == NoticeStatus.Open);
            return open is null ? Outcome<NoticeView>.NotFound() : await HandleAsync(open.Id, ct);
        }

        public Task<IReadOnlyList<NoticeSummary>> ListAsync(CancellationToken ct = default) =>
            NoticeReading.ListAsync(db, clock.GetUtcNow().UtcDateTime, ct);
    }
}
