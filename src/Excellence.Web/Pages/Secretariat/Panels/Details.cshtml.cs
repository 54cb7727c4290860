using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features;
using Excellence.Web.Features.Panels;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Panels;

/// <summary>
/// The meeting desk: edit the meeting, build the agenda (candidates in one click, or one application), and per item
/// note the questions, record recusals, see the votes and conclude.
/// </summary>
public sealed class DetailsModel(GetPanelMeeting.Handler get, PanelChoices.Handler choices, UpdatePanelMeeting.Handler update,
    AddPanelItems.Handler add, SavePanelNotes.Handler notes, RecusePanelMember.Handler recuse, ConcludePanelItem.Handler conclude,
    StringCatalog catalog) : PageModel
{
    public PanelMeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<PanelChoices.ExpertChoice> Experts { get; private set; } = [];
    public IReadOnlyList<PanelChoices.ApplicationChoice> Agenda { get; private set; } = [];

    [BindProperty] public MeetingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new MeetingInput
        {
            Title = Meeting.Title, StartsAt = Shanghai.ToLocal(Meeting.StartsAt).DateTime, Place = Meeting.Place,
            MemberIds = Meeting.Members.Select(m => m.ExpertId).ToList(), ChairId = Meeting.Chair?.ExpertId, Version = Meeting.Version,
        };
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(Guid id) =>
        Handle(id, update.HandleAsync(HttpContext.RequiredActor(), new UpdatePanelMeeting.Command(id, Input.Version, Input.ToForm())), "Input");

    public Task<IActionResult> OnPostCandidatesAsync(Guid id) =>
        Handle(id, add.HandleAsync(HttpContext.RequiredActor(), new AddPanelItems.Command(id, null, true)));

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid? applicationId) =>
        Handle(id, add.HandleAsync(HttpContext.RequiredActor(), new AddPanelItems.Command(id, applicationId is { } a ? [a] : [], false)));

    public Task<IActionResult> OnPostNotesAsync(Guid id, Guid applicationId, string? questions) =>
        Handle(id, notes.HandleAsync(HttpContext.RequiredActor(), new SavePanelNotes.Command(id, applicationId, questions)));

    public Task<IActionResult> OnPostRecuseAsync(Guid id, Guid applicationId, Guid expertId, string? reason) =>
        Handle(id, recuse.HandleAsync(HttpContext.RequiredActor(), new RecusePanelMember.Command(id, applicationId, expertId, reason)));

    public Task<IActionResult> OnPostConcludeAsync(Guid id, Guid applicationId, PanelLevel? level, string? reasons, PanelDecision? decision) =>
        Handle(id, conclude.HandleAsync(HttpContext.RequiredActor(), new ConcludePanelItem.Command(id, applicationId, level, reasons, decision)));

    private async Task<IActionResult> Handle<T>(Guid id, Task<Outcome<T>> work, string prefix = "")
    {
        var outcome = await work;
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) return Redirect($"/Secretariat/Panels/{id}");
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, prefix);
        else outcome.Reason!.AddTo(ModelState, catalog);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var actor = HttpContext.RequiredActor();
        var outcome = await get.HandleAsync(actor, id);
        if (!outcome.IsOk) return false;
        Meeting = outcome.Value!;
        Experts = await choices.ExpertsAsync(actor);
        Agenda = await choices.AgendaAsync(actor, Meeting.Year, id);
        return true;
    }
}
