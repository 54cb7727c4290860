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
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Approval;

/// <summary>The approval meetings of every year, and the form that convenes a new one.</summary>
public sealed class IndexModel(ListMeetings.Handler list, SaveMeeting.Handler save, AppDb db, StringCatalog catalog, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Email)> Approvers { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    [BindProperty] public MeetingForm Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var year = Years.FirstOrDefault();
        Input = new MeetingForm
        {
            Year = year, Title = catalog.Text("Approval.DefaultTitle", CultureInfo.GetCultureInfo("zh-CN"), year),
            HeldAt = Shanghai.ToLocal(clock.GetUtcNow().UtcDateTime).Date.AddDays(7).AddHours(14), Invited = Approvers.Select(a => a.Id).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await save.CreateAsync(HttpContext.RequiredActor(), new SaveMeeting.Create(Input.Year, Input.ToInput()));
        if (outcome.IsOk) return Redirect($"/Secretariat/Approval/{outcome.Value}");
        await LoadAsync();
        outcome.Errors.AddTo(ModelState, catalog);
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task LoadAsync()
    {
        Meetings = await list.HandleAsync(HttpContext.RequiredActor(), null);
        Approvers = await ListMeetings.ApproversAsync(db);
        Years = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync();
    }
}

/// <summary>The meeting's fields as the pages post them; the time is Beijing time.</summary>
public sealed class MeetingForm
{
    public int Year { get; set; }
    public string? Title { get; set; }
    public DateTime? HeldAt { get; set; }
    public string? Place { get; set; }
    public int QuorumNumerator { get; set; } = 2;
    public int QuorumDenominator { get; set; } = 3;
    public int MajorityNumerator { get; set; } = 1;
    public int MajorityDenominator { get; set; } = 2;
    public List<Guid> Invited { get; set; } = [];

    public SaveMeeting.Input ToInput() => new(Title, HeldAt is { } t ? Shanghai.ToUtc(t) : null, Place,
        QuorumNumerator, QuorumDenominator, MajorityNumerator, MajorityDenominator, Invited);
}

/// <summary>What the shared fields partial needs.</summary>
public sealed record MeetingFieldsModel(MeetingForm Form, IReadOnlyList<(Guid Id, string Name, string Email)> Approvers);
