using Excellence.Web.Features.SiteVisits;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared.Panels;

namespace Excellence.Web.Pages.Expert.SiteVisits;

/// <summary>One site visit (see <see cref="SiteVisitDesk"/>).</summary>
public sealed class DetailsModel(GetSiteVisit.Handler get, UpdateSiteVisit.Handler update, AddSiteVisitLogEntry.Handler log,
    ConcludeSiteVisit.Handler conclude, StringCatalog catalog) : SiteVisitDesk(get, update, log, conclude, catalog)
{
    public override string BasePath => "/Expert/SiteVisits";
}
