using Excellence.Web.Data;
using Excellence.Web.Domain;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>One site visit, for the secretariat and the team.</summary>
public static class GetSiteVisit
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<SiteVisitView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var v = await db.LoadVisitAsync(id, ct);
            if (v is null) return Outcome<SiteVisitView>.NotFound();
            var may = Permissions.CanReadSiteVisit(actor, v);
            if (!may) return Outcome<SiteVisitView>.Denied(may);
            return Outcome<SiteVisitView>.Ok(await db.ViewAsync(v, actor, ct));
        }
    }
}
