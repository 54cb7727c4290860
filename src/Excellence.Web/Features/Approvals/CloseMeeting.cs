using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>
/// The secretariat closes the meeting: refused without a quorum, or while an application is undecided (hold a revote).
/// Otherwise each application on the list is tallied from the present approvers' votes and moved to Approved (with the
/// approved level) or NotApproved through the workflow; the result is locked in the meeting and audited with the tally.
/// </summary>
public static class CloseMeeting
{
    public sealed record Command(Guid Id, int? ExpectedVersion);

    public sealed record Closed(int Version, int Approved, int NotApproved);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Closed>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.Id, ct);
            if (m is null) return Outcome<Closed>.NotFound();
            var may = Permissions.CanChangeApprovalMeeting(actor, m);
            if (may.Hidden) return Outcome<Closed>.NotFound();
            if (!may) return Outcome<Closed>.Conflict(may.Reason!);
            if (command.ExpectedVersion is { } v && v != m.Version) return Outcome<Closed>.Stale();

            var rule = m.Rule;
            var present = m.Attendees.Where(a => a.Present).Select(a => a.UserId).ToHashSet();
            if (!rule.HasQuorum(m.Attendees.Count, present.Count))
                return Outcome<Closed>.Conflict(new Problem("Approval.NoQuorum", present.Count, m.Attendees.Count, rule.QuorumOf(m.Attendees.Count)));

            var candidates = await db.CandidatesAsync(m.Year, ct);
            if (candidates.Count == 0) return Outcome<Closed>.Conflict(new Problem("Approval.NothingToDecide"));
            var votes = (await db.ApprovalVotes.AsNoTracking().Where(x => x.MeetingId == m.Id).ToListAsync(ct))
                .Where(x => present.Contains(x.ApproverUserId)).ToLookup(x => x.ApplicationId);
            var tallies = candidates.Select(c => (c, t: Tally.Count(c.ProposedLevel, votes[c.ApplicationId].Select(x => new CastVote(x.Choice, x.Level)), rule))).ToList();
            var undecided = tallies.Where(x => x.t.Outcome == TallyOutcome.Undecided).ToList();
            if (undecided.Count > 0)
                return Outcome<Closed>.Conflict(new Problem("Approval.Undecided", undecided.Count,
                    string.Join("、", undecided.Select(x => x.c.ReceiptNumber ?? x.c.Title))));

            var now = clock.UtcNow();
            var ids = candidates.Select(c => c.ApplicationId).ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            foreach (var (c, t) in tallies)
            {
                var a = applications[c.ApplicationId];
                var approved = t.Outcome == TallyOutcome.Approved;
                db.StageChanges.Add(Workflow.Apply(a, approved ? Move.Approve : Move.NotApprove, actor, now,
                    $"{m.Title}：同意 {t.Approve}，调整等级 {t.ChangeLevel}，不同意 {t.Reject}"));
                a.ApprovedLevel = approved ? t.ApprovedLevel : null;
                a.Version++;
                a.UpdatedBy = actor.UserId;
                a.UpdatedByName = actor.Name;
            }
            m.Results = tallies.Select(x => new ApprovalResult(x.c.ApplicationId, x.c.ReceiptNumber, x.c.Title, x.c.OrganizationName, x.c.Category,
                x.c.ProposedLevel, x.c.PreliminaryScore, x.t.Outcome, x.t.ApprovedLevel, x.t.Approve, x.t.Reject, x.t.ChangeLevel, x.t.Cast)).ToList();
            m.Status = MeetingStatus.Closed;
            m.ClosedAt = now;
            m.ClosedBy = actor.UserId;
            m.ClosedByName = actor.Name;
            m.UpdatedAt = now;
            m.Version++;
            audit.Describe("Approval.Closed");
            audit.Record("Approval.Tally", nameof(ApprovalMeeting), m.Id.ToString(), after: new
            {
                invited = m.Attendees.Count, present = present.Count, quorum = rule.QuorumOf(m.Attendees.Count),
                majority = $"{m.MajorityNumerator}/{m.MajorityDenominator}",
                results = tallies.Select(x => new
                {
                    application = x.c.ApplicationId, receipt = x.c.ReceiptNumber, proposed = x.c.ProposedLevel, outcome = x.t.Outcome,
                    level = x.t.ApprovedLevel, approve = x.t.Approve, changeLevel = x.t.ChangeLevel, reject = x.t.Reject,
                    byLevel = x.t.ByLevel.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                }),
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Closed>.Stale(); }
            return Outcome<Closed>.Ok(new Closed(m.Version, tallies.Count(x => x.t.Outcome == TallyOutcome.Approved),
                tallies.Count(x => x.t.Outcome == TallyOutcome.NotApproved)));
        }
    }
}

/// <summary>
/// 重新表决: the secretariat clears the votes on the undecided applications so the present approvers vote on them again.
/// The cleared votes stay in the audit log (an explicit event with the tally that was undecided).
/// </summary>
public static class StartRevote
{
    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(id, ct);
            if (m is null) return Outcome<int>.NotFound();
            var may = Permissions.CanChangeApprovalMeeting(actor, m);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return Outcome<int>.Conflict(may.Reason!);
            var rule = m.Rule;
            var present = m.Attendees.Where(a => a.Present).Select(a => a.UserId).ToHashSet();
            var candidates = await db.CandidatesAsync(m.Year, ct);
            var votes = await db.ApprovalVotes.Where(x => x.MeetingId == m.Id).ToListAsync(ct);
            var undecided = candidates.Select(c => (c, t: Tally.Count(c.ProposedLevel,
                    votes.Where(x => x.ApplicationId == c.ApplicationId && present.Contains(x.ApproverUserId)).Select(x => new CastVote(x.Choice, x.Level)), rule)))
                .Where(x => x.t.Outcome == TallyOutcome.Undecided && x.t.Cast > 0).ToList();
            if (undecided.Count == 0) return Outcome<int>.Conflict(new Problem("Approval.NothingToRevote"));
            var ids = undecided.Select(x => x.c.ApplicationId).ToHashSet();
            db.ApprovalVotes.RemoveRange(votes.Where(x => ids.Contains(x.ApplicationId)));
            m.Revotes++;
            m.Version++;
            m.UpdatedAt = clock.UtcNow();
            audit.Describe("Approval.RevoteStarted");
            audit.Record("Approval.RevoteTally", nameof(ApprovalMeeting), m.Id.ToString(), after: undecided.Select(x => new
            {
                application = x.c.ApplicationId, receipt = x.c.ReceiptNumber, approve = x.t.Approve, changeLevel = x.t.ChangeLevel, reject = x.t.Reject,
            }));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(undecided.Count);
        }
    }
}
