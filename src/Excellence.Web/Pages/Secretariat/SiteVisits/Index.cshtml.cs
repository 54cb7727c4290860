using Excellence.Web.Features.Panels;
using Excellence.Web.Features.SiteVisits;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.SiteVisits;

/// <summary>The year's site visits and the form to plan one (applications in site verification first).</summary>
public sealed class IndexModel(ListSiteVisits.Handler list, PanelChoices.Handler choices, CreateSiteVisit.Handler create, StringCatalog catalog) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<ListSiteVisits.Row> Visits { get; private set; } = [];
    public IReadOnlyList<ListSiteVisits.Waiting> Candidates { get; private set; } = [];
    public IReadOnlyList<PanelChoices.ExpertChoice> Experts { get; private set; } = [];

    [BindProperty] public Guid? ApplicationId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public List<Guid> MemberIds { get; set; } = [];

    public async Task OnGetAsync(int? year) => await LoadAsync(year);

    public async Task<IActionResult> OnPostAsync(int? year)
    {
        await LoadAsync(year);
        var outcome = await create.HandleAsync(HttpContext.RequiredActor(),
            new CreateSiteVisit.Command(ApplicationId ?? Guid.Empty, new SiteVisitForm(Date, MemberIds, null, null)));
        if (outcome.IsOk) return Redirect($"/Secretariat/SiteVisits/{outcome.Value}");
        if (outcome.Reason is { } reason) reason.AddTo(ModelState, catalog);
        outcome.Errors.AddTo(ModelState, catalog, "");
        return Page();
    }

    private async Task LoadAsync(int? year)
    {
        var actor = HttpContext.RequiredActor();
        Year = year ?? await choices.CurrentYearAsync();
        Visits = await list.HandleAsync(actor, Year);
        Candidates = await list.CandidatesAsync(actor, Year);
        Experts = await choices.ExpertsAsync(actor);
    }
}
