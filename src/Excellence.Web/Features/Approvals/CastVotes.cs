using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>
/// A present approver votes on applications of the list: approve as proposed, reject, or change the level, with a reason
/// for the last two. Several at once (the common case: approve all as proposed with a few overrides); a later vote on the
/// same application replaces the earlier one until the meeting closes. All or nothing: one bad vote refuses the batch.
/// </summary>
public static class CastVotes
{
    public sealed record Ballot(Guid ApplicationId, VoteChoice? Choice, Level? Level, string? Reason);

    public sealed record Command(Guid MeetingId, IReadOnlyList<Ballot> Votes);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<int>.NotFound();
            var may = Permissions.CanVote(actor, m);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return may.Reason!.Key == "Approval.Closed" ? Outcome<int>.Conflict(may.Reason) : Outcome<int>.Forbidden(may.Reason!);

            var problems = new FieldProblems();
            if (command.Votes.Count == 0) problems.Add("votes", "Approval.NoVotes");
            var candidates = (await db.CandidatesAsync(m.Year, ct)).ToDictionary(c => c.ApplicationId);
            var seen = new HashSet<Guid>();
            for (var i = 0; i < command.Votes.Count; i++)
            {
                var b = command.Votes[i];
                var field = $"votes[{i}]";
                if (!candidates.TryGetValue(b.ApplicationId, out var c)) { problems.Add(field + ".applicationId", "Approval.NotOnList"); continue; }
                if (!seen.Add(b.ApplicationId)) { problems.Add(field + ".applicationId", "Approval.DuplicateVote"); continue; }
                var reason = (b.Reason ?? "").Trim();
                switch (b.Choice)
                {
                    case null: problems.Add(field + ".choice", "Validation.Choice"); break;
                    case VoteChoice.Approve when c.ProposedLevel is null: problems.Add(field + ".choice", "Approval.NothingToApprove"); break;
                    case VoteChoice.ChangeLevel when b.Level is null: problems.Add(field + ".level", "Validation.Required"); break;
                    case VoteChoice.ChangeLevel when b.Level == c.ProposedLevel: problems.Add(field + ".level", "Approval.SameLevel"); break;
                }
                if (b.Choice is VoteChoice.Reject or VoteChoice.ChangeLevel && reason.Length == 0) problems.Add(field + ".reason", "Approval.ReasonRequired");
                if (reason.Length > 2000) problems.Add(field + ".reason", "Validation.TooLong", 2000);
            }
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);

            var now = clock.UtcNow();
            var ids = command.Votes.Select(v => v.ApplicationId).ToList();
            var existing = await db.ApprovalVotes.Where(v => v.MeetingId == m.Id && v.ApproverUserId == actor.UserId && ids.Contains(v.ApplicationId))
                .ToDictionaryAsync(v => v.ApplicationId, ct);
            foreach (var b in command.Votes)
            {
                if (!existing.TryGetValue(b.ApplicationId, out var vote))
                {
                    vote = new ApprovalVote { MeetingId = m.Id, ApplicationId = b.ApplicationId, ApproverUserId = actor.UserId };
                    db.ApprovalVotes.Add(vote);
                }
                vote.Choice = b.Choice!.Value;
                vote.Level = b.Choice == VoteChoice.ChangeLevel ? b.Level : null;
                var reason = (b.Reason ?? "").Trim();
                vote.Reason = reason.Length == 0 ? null : reason;
                vote.At = now;
            }
            audit.Describe("Approval.Voted");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(command.Votes.Count);
        }
    }
}
