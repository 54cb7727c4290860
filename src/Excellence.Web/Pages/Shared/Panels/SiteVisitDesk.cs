using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features;
using Excellence.Web.Features.SiteVisits;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Shared.Panels;

/// <summary>
/// One site visit, for the secretariat and for a team member (same page body): issues and findings, the log, and
/// for the secretariat the outcome. What the caller may do comes from the view (CanRecord, CanConclude).
/// </summary>
public abstract class SiteVisitDesk(GetSiteVisit.Handler get, UpdateSiteVisit.Handler update, AddSiteVisitLogEntry.Handler log,
    ConcludeSiteVisit.Handler conclude, StringCatalog catalog) : PageModel
{
    public SiteVisitView Visit { get; private set; } = null!;
    public abstract string BasePath { get; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(Guid id, int version, string? issues, string? findings)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Handle(id, update.HandleAsync(HttpContext.RequiredActor(), new UpdateSiteVisit.Command(id, version,
            new SiteVisitForm(Visit.Date, Visit.Members.Select(m => m.ExpertId).ToList(), issues, findings))));
    }

    public Task<IActionResult> OnPostLogAsync(Guid id, string? time, string? subject, string? note) =>
        Handle(id, log.HandleAsync(HttpContext.RequiredActor(), new AddSiteVisitLogEntry.Command(id, time, subject, note)));

    public Task<IActionResult> OnPostConcludeAsync(Guid id, SiteVisitOutcome? outcome, string? reason, PanelLevel? level) =>
        Handle(id, conclude.HandleAsync(HttpContext.RequiredActor(), new ConcludeSiteVisit.Command(id, outcome, reason, level)));

    private async Task<IActionResult> Handle<T>(Guid id, Task<Outcome<T>> work)
    {
        var outcome = await work;
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) return Redirect($"{BasePath}/{id}");
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        Visit = outcome.Value!;
        return true;
    }
}
