using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// A non-recused member gives its panel score (0–100, one decimal) and/or the level it recommends; voting again
/// replaces its vote until the item is concluded.
/// </summary>
public static class CastPanelVote
{
    public sealed record Command(Guid MeetingId, Guid ApplicationId, decimal? Score, PanelLevel? Level);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<VoteSummary>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<VoteSummary>.NotFound();
            var item = m.Items.FirstOrDefault(i => i.ApplicationId == command.ApplicationId);
            if (item is null) return Outcome<VoteSummary>.NotFound();
            var may = Permissions.CanVoteOnPanelItem(actor, m, item);
            if (may.Hidden)
            {
                // The secretariat sees the item but does not vote; anyone else must not learn it exists.
                return Permissions.CanReadPanelItem(actor, m, item) ? Outcome<VoteSummary>.Forbidden(new Problem("Panel.MembersOnly")) : Outcome<VoteSummary>.NotFound();
            }
            if (!may) return Outcome<VoteSummary>.Conflict(may.Reason!);
            var problems = new FieldProblems();
            if (command.Score is null && command.Level is null) problems.Add("score", "Panel.VoteEmpty");
            if (command.Score is { } s && !PanelRules.ValidScore(s)) problems.Add("score", "Panel.ScoreRange");
            if (problems.Count > 0) return Outcome<VoteSummary>.Invalid(problems);
            var me = actor.ExpertId!.Value;
            var vote = item.Votes.FirstOrDefault(v => v.ExpertId == me);
            if (vote is null)
            {
                vote = new PanelVote { ItemId = item.Id, ExpertId = me };
                item.Votes.Add(vote);
                db.PanelVotes.Add(vote);
            }
            vote.Score = command.Score;
            vote.Level = command.Level;
            vote.At = clock.UtcNow();
            audit.Describe("Panel.Voted");
            await db.SaveChangesAsync(ct);
            return Outcome<VoteSummary>.Ok(PanelRules.Summarise(item.Votes));
        }
    }
}
