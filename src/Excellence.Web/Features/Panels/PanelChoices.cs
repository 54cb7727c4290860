using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>What the secretariat's panel and site-visit forms offer: the year, the active experts, the applications.</summary>
public static class PanelChoices
{
    public sealed record ExpertChoice(Guid Id, string Name, string Organization);

    public sealed record ApplicationChoice(Guid Id, string Title, string OrganizationName, string? ReceiptNumber, Stage Stage, bool IsBenchmarkCandidate);

    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        /// <summary>The year in progress: the latest year created, or this calendar year.</summary>
        public async Task<int> CurrentYearAsync(CancellationToken ct = default) =>
            await db.Rounds.AsNoTracking().MaxAsync(r => (int?)r.Year, ct) ?? Shanghai.Today(clock.GetUtcNow()).Year;

        public async Task<IReadOnlyList<ExpertChoice>> ExpertsAsync(Actor actor, CancellationToken ct = default) =>
            !actor.Is(Roles.Secretariat) ? [] :
            await db.Experts.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name)
                .Select(e => new ExpertChoice(e.Id, e.Name, e.OrganizationName)).ToListAsync(ct);

        /// <summary>Applications of the year the secretariat may put on an agenda, not yet on <paramref name="meetingId"/>'s.</summary>
        public async Task<IReadOnlyList<ApplicationChoice>> AgendaAsync(Actor actor, int year, Guid meetingId, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return [];
            var stages = AddPanelItems.Handler.Eligible.ToList();
            return await (from a in db.Applications.AsNoTracking()
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          where a.Year == year && stages.Contains(a.Stage) && !db.PanelItems.Any(i => i.MeetingId == meetingId && i.ApplicationId == a.Id)
                          orderby a.ReceiptNumber
                          select new ApplicationChoice(a.Id, a.Title, o.Name, a.ReceiptNumber, a.Stage, a.IsBenchmarkCandidate)).ToListAsync(ct);
        }
    }
}
