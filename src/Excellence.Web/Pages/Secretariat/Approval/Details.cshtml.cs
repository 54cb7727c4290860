using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Approvals;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Approval;

/// <summary>One meeting: its details, attendance, the recommended list with the voting progress, revote, close, minutes.</summary>
public sealed class DetailsModel(GetMeeting.Handler get, SaveMeeting.Handler save, RecordAttendance.Handler attendance,
    StartRevote.Handler revote, CloseMeeting.Handler close, AppDb db, StringCatalog catalog) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name, string Email)> Approvers { get; private set; } = [];

    [BindProperty] public MeetingForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<Guid> Present { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    private void FillForm()
    {
        Input = new MeetingForm
        {
            Year = View.Year, Title = View.Title, HeldAt = Shanghai.ToLocal(View.HeldAt).DateTime, Place = View.Place,
            QuorumNumerator = View.Quorum.Numerator, QuorumDenominator = View.Quorum.Denominator,
            MajorityNumerator = View.Majority.Numerator, MajorityDenominator = View.Majority.Denominator,
            Invited = View.Attendees.Select(a => a.UserId).ToList(),
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id) =>
        await AfterAsync(id, await save.EditAsync(HttpContext.RequiredActor(), new SaveMeeting.Edit(id, Version, Input.ToInput())), _ => Flash("Approval.SavedFlash"));

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id) =>
        await AfterAsync(id, await attendance.HandleAsync(HttpContext.RequiredActor(), new RecordAttendance.Command(id, Version, Present)), _ => Flash("Approval.SavedFlash"));

    public async Task<IActionResult> OnPostRevoteAsync(Guid id) =>
        await AfterAsync(id, await revote.HandleAsync(HttpContext.RequiredActor(), id), n => Flash("Approval.RevoteFlash", n));

    public async Task<IActionResult> OnPostCloseAsync(Guid id) =>
        await AfterAsync(id, await close.HandleAsync(HttpContext.RequiredActor(), new CloseMeeting.Command(id, Version)),
            c => Flash("Approval.ClosedFlash", c.Approved, c.NotApproved));

    private void Flash(string key, params object[] args) => TempData["Flash"] = catalog.Text(key, CultureInfo.CurrentUICulture, args);

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, Action<T> onOk)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            onOk(outcome.Value!);
            return Redirect($"/Secretariat/Approval/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog);
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        if (Input.Title is null) FillForm();
        Approvers = await ListMeetings.ApproversAsync(db);
        return true;
    }
}
