using Excellence.Web.Features.Panels;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Panels;

/// <summary>The year's panel meetings and the form to plan one.</summary>
public sealed class IndexModel(ListPanelMeetings.Handler list, PanelChoices.Handler choices, CreatePanelMeeting.Handler create, StringCatalog catalog) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<ListPanelMeetings.Row> Meetings { get; private set; } = [];
    public IReadOnlyList<PanelChoices.ExpertChoice> Experts { get; private set; } = [];

    [BindProperty] public MeetingInput Input { get; set; } = new();

    public async Task OnGetAsync(int? year) => await LoadAsync(year);

    public async Task<IActionResult> OnPostAsync(int? year)
    {
        await LoadAsync(year);
        var outcome = await create.HandleAsync(HttpContext.RequiredActor(), new CreatePanelMeeting.Command(Year, Input.ToForm()));
        if (outcome.IsOk) return Redirect($"/Secretariat/Panels/{outcome.Value}");
        if (outcome.Reason is { } reason) reason.AddTo(ModelState, catalog);
        outcome.Errors.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task LoadAsync(int? year)
    {
        var actor = HttpContext.RequiredActor();
        Year = year ?? await choices.CurrentYearAsync();
        Meetings = await list.HandleAsync(actor, Year);
        Experts = await choices.ExpertsAsync(actor);
    }
}

/// <summary>The meeting form of the pages.</summary>
public sealed class MeetingInput
{
    public string? Title { get; set; }
    public DateTime? StartsAt { get; set; }
    public string? Place { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public Guid? ChairId { get; set; }
    public int Version { get; set; }

    public PanelMeetingForm ToForm() => new(Title, StartsAt, Place, MemberIds, ChairId);
}
