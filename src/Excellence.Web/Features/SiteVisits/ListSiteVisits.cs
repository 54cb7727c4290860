using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.SiteVisits;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>The site visits of a year: all for the secretariat, a team member's own for an expert.</summary>
public static class ListSiteVisits
{
    public sealed record Row(Guid Id, Guid ApplicationId, string Title, string OrganizationName, string? ReceiptNumber, DateOnly Date, int Members,
        SiteVisitOutcome? Outcome, Stage Stage);

    /// <summary>An application waiting for a visit (stage SiteVerification, none open).</summary>
    public sealed record Waiting(Guid ApplicationId, string Title, string OrganizationName, string? ReceiptNumber, Stage Stage);

    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Actor actor, int year, CancellationToken ct = default)
        {
            var query = db.SiteVisits.AsNoTracking().Where(v => v.Year == year);
            if (!actor.Is(Roles.Secretariat))
            {
                if (!actor.Is(Roles.Expert) || actor.ExpertId is not { } me) return [];
                query = query.Where(v => v.Members.Any(m => m.ExpertId == me));
            }
            return await (from v in query
                          join a in db.Applications on v.ApplicationId equals a.Id
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          orderby v.Date, v.Id
                          select new Row(v.Id, a.Id, a.Title, o.Name, a.ReceiptNumber, v.Date, v.Members.Count, v.Outcome, a.Stage)).ToListAsync(ct);
        }

        /// <summary>For the secretariat's create form: applications it may pick, those in site verification first.</summary>
        public async Task<IReadOnlyList<Waiting>> CandidatesAsync(Actor actor, int year, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Secretariat)) return [];
            var stages = CreateSiteVisit.Eligible.ToList();
            var rows = await (from a in db.Applications.AsNoTracking()
                              join o in db.Organizations on a.OrganizationId equals o.Id
                              where a.Year == year && stages.Contains(a.Stage) && !db.SiteVisits.Any(v => v.ApplicationId == a.Id && v.ConcludedAt == null)
                              select new Waiting(a.Id, a.Title, o.Name, a.ReceiptNumber, a.Stage)).ToListAsync(ct);
            return rows.OrderBy(r => r.Stage == Stage.SiteVerification ? 0 : 1).ThenBy(r => r.ReceiptNumber).ToList();
        }
    }
}
