using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;
using Excellence.Web.Features;
using Excellence.Web.Features.Rounds;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Secretariat.Rounds;

/// <summary>
/// Create (no year in the route) or change a year. A plain form: timeline rows are added and removed by
/// posting the form to the AddPhase / RemovePhase handlers, which redisplay it without saving.
/// </summary>
public sealed class EditModel(Excellence.Web.Data.AppDb db, CreateRound.Handler create, EditRound.Handler edit,
    StringCatalog catalog, TimeProvider clock, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? DeadlineDate { get; set; }
    [BindProperty] public TimeOnly? DeadlineTime { get; set; }

    public int? ExistingYear { get; private set; }
    public bool ReasonRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year)
    {
        if (year is null)
        {
            Input = RoundInput.Blank(Shanghai.Today(clock.GetUtcNow()).Year + 1);
            DeadlineTime = new TimeOnly(15, 0);
            return Page();
        }
        var round = await GetRound.Handler.Load(db, year.Value, HttpContext.RequestAborted);
        if (round is null) return NotFound();
        Input = RoundInput.From(round);
        Version = round.Version;
        DeadlineDate = DateOnly.FromDateTime(Input.SubmissionDeadline!.Value.DateTime);
        DeadlineTime = TimeOnly.FromDateTime(Input.SubmissionDeadline.Value.DateTime);
        Describe(year, round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? year)
    {
        Normalise();
        if (!ModelState.IsValid) return await Redisplay(year);
        var actor = HttpContext.RequiredActor();
        var outcome = year is null
            ? await create.Handle(actor, Input, HttpContext.RequestAborted)
            : await edit.Handle(actor, year.Value, Version, Input, HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Rounds.Saved", outcome.Value!.Year].Value;
            return Redirect("/Secretariat/Rounds");
        }
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Invalid: outcome.Errors.AddTo(ModelState, catalog); break;
            default: outcome.Reason!.AddTo(ModelState, catalog); break;
        }
        return await Redisplay(year);
    }

    public async Task<IActionResult> OnPostAddPhaseAsync(int? year)
    {
        Normalise();
        ModelState.Clear();
        Input.Timeline.Add(new RoundInput.PhaseInput());
        return await Redisplay(year);
    }

    public async Task<IActionResult> OnPostRemovePhaseAsync(int? year, int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Timeline.Count) Input.Timeline.RemoveAt(index);
        Normalise();
        return await Redisplay(year);
    }

    /// <summary>Drops blank rows and builds the deadline instant from the Shanghai date and time.</summary>
    private void Normalise()
    {
        Input.Timeline = Input.Timeline.Where(p => !p.Remove && !p.IsBlank).ToList();
        Input.SubmissionDeadline = DeadlineDate is { } d
            ? new DateTimeOffset(Shanghai.ToUtc(d.ToDateTime(DeadlineTime ?? TimeOnly.MinValue))).ToOffset(TimeSpan.FromHours(8))
            : null;
    }

    private async Task<IActionResult> Redisplay(int? year)
    {
        if (year is not null)
        {
            var round = await GetRound.Handler.Load(db, year.Value, HttpContext.RequestAborted);
            if (round is null) return NotFound();
            Describe(year, round);
        }
        return Page();
    }

    private void Describe(int? year, Round round)
    {
        ExistingYear = year;
        ReasonRequired = RoundRules.NeedsReasonToEdit(round, clock.GetUtcNow().UtcDateTime);
    }
}
