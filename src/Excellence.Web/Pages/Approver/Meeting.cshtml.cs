using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features;
using Excellence.Web.Features.Approvals;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Approver;

/// <summary>
/// The vote form: every item defaults to approving the proposed level, so "approve all as proposed" is one submit;
/// the approver overrides single items with reject or a level change and a reason. Items left without a choice are not voted.
/// </summary>
public sealed class MeetingModel(GetMeeting.Handler get, CastVotes.Handler cast, StringCatalog catalog) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    [BindProperty] public List<BallotForm> Votes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Votes = View.Items.Select(i => new BallotForm
        {
            ApplicationId = i.ApplicationId,
            Choice = i.MyVote?.Choice ?? (i.ProposedLevel is null ? null : VoteChoice.Approve),
            Level = i.MyVote?.Level, Reason = i.MyVote?.Reason,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ballots = Votes.Where(v => v.Choice is not null)
            .Select(v => new CastVotes.Ballot(v.ApplicationId, v.Choice, v.Choice == VoteChoice.ChangeLevel ? v.Level : null, v.Reason)).ToList();
        var outcome = await cast.HandleAsync(HttpContext.RequiredActor(), new CastVotes.Command(id, ballots));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Approval.VotedFlash", CultureInfo.CurrentUICulture, outcome.Value);
            return Redirect($"/Approver/Meetings/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        // Field keys name the posted ballot: votes[i] of the command is the i-th ballot that had a choice.
        var posted = Votes.Select((v, i) => (v, i)).Where(x => x.v.Choice is not null).Select(x => x.i).ToList();
        foreach (var e in outcome.Errors)
        {
            var key = e.Field;
            var m = System.Text.RegularExpressions.Regex.Match(key, @"^votes\[(\d+)\]\.(\w+)$");
            if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n < posted.Count)
                key = $"Votes[{posted[n]}].{char.ToUpperInvariant(m.Groups[2].Value[0])}{m.Groups[2].Value[1..]}";
            ModelState.AddModelError(key, catalog.Text(e.Problem, CultureInfo.CurrentUICulture));
        }
        if (outcome.Reason is not null && outcome.Kind != OutcomeKind.Invalid) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }

    public sealed class BallotForm
    {
        public Guid ApplicationId { get; set; }
        public VoteChoice? Choice { get; set; }
        public Level? Level { get; set; }
        public string? Reason { get; set; }
    }
}
