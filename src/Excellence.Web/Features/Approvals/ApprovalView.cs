using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>The approval meeting as the pages and the API show it (the same shape).</summary>
public sealed record MeetingView(Guid Id, int Year, string Title, DateTime HeldAt, string Place, MeetingStatus Status, int Version,
    RuleView Quorum, RuleView Majority, int Invited, int Present, int QuorumRequired, bool QuorumMet,
    DateTime? ClosedAt, string? ClosedByName, int Revotes, IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<ItemView> Items,
    bool MayVote, bool MayChange);

public sealed record RuleView(int Numerator, int Denominator);

/// <summary>An invited approver; VotesCast is shown to the secretariat only (progress), null for approvers.</summary>
public sealed record AttendeeView(Guid UserId, string Name, bool Present, int? VotesCast);

/// <summary>
/// One application on the recommended list. ConfirmedBy: the stage it was proposed from (PanelReview = confirmed by the
/// panel review, SiteVerification = by the site visit, PreliminaryReview = by the preliminary review alone).
/// VotesCast is the progress (secretariat); MyVote the caller's own vote; Tally only once the meeting is closed.
/// </summary>
public sealed record ItemView(Guid ApplicationId, string? ReceiptNumber, string Title, string OrganizationName, Category Category,
    Level? ProposedLevel, decimal? PreliminaryScore, Stage? ConfirmedBy, int? VotesCast, VoteView? MyVote, TallyView? Tally);

public sealed record VoteView(VoteChoice Choice, Level? Level, string? Reason);

public sealed record TallyView(TallyOutcome Outcome, Level? ApprovedLevel, int Approve, int Reject, int ChangeLevel, int Cast);

/// <summary>A meeting in a list.</summary>
public sealed record MeetingRow(Guid Id, int Year, string Title, DateTime HeldAt, string Place, MeetingStatus Status, int Invited, int Present);

internal static class ApprovalLoading
{
    public static Task<ApprovalMeeting?> LoadMeetingAsync(this AppDb db, Guid id, CancellationToken ct) =>
        db.ApprovalMeetings.Include(m => m.Attendees).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>The recommended list: the year's applications in stage Proposed, by category, level (highest first), score.</summary>
    public static async Task<List<Candidate>> CandidatesAsync(this AppDb db, int year, CancellationToken ct)
    {
        var rows = await (from a in db.Applications.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                          where a.Year == year && a.Stage == Stage.Proposed
                          select new { a.Id, a.ReceiptNumber, a.Title, Org = o.Name, Nominee = a.Nominee != null ? a.Nominee.Name : null, a.Category, a.ProposedLevel, a.PreliminaryScore })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var proposedFrom = (await db.StageChanges.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.Move == Move.Propose)
                .Select(c => new { c.ApplicationId, c.From, c.At }).ToListAsync(ct))
            .GroupBy(c => c.ApplicationId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).Last().From);
        return rows.Select(r => new Candidate(r.Id, r.ReceiptNumber, r.Title,
                string.IsNullOrEmpty(r.Nominee) ? r.Org : $"{r.Nominee}（{r.Org}）", r.Category, r.ProposedLevel, r.PreliminaryScore,
                proposedFrom.TryGetValue(r.Id, out var from) ? from : null))
            .OrderBy(c => c.Category).ThenBy(c => c.ProposedLevel is null).ThenBy(c => c.ProposedLevel)
            .ThenByDescending(c => c.PreliminaryScore).ThenBy(c => c.ReceiptNumber).ToList();
    }

    public static async Task<MeetingView> ViewAsync(this AppDb db, ApprovalMeeting m, Actor actor, CancellationToken ct)
    {
        var staff = actor.Is(Roles.Secretariat);
        var votes = await db.ApprovalVotes.AsNoTracking().Where(v => v.MeetingId == m.Id).ToListAsync(ct);
        var present = m.Attendees.Count(a => a.Present);
        var attendees = m.Attendees.OrderBy(a => a.Name).ThenBy(a => a.UserId)
            .Select(a => new AttendeeView(a.UserId, a.Name, a.Present, staff ? votes.Count(v => v.ApproverUserId == a.UserId) : null)).ToList();
        VoteView? Mine(Guid applicationId) => votes.Where(v => v.ApplicationId == applicationId && v.ApproverUserId == actor.UserId)
            .Select(v => new VoteView(v.Choice, v.Level, v.Reason)).FirstOrDefault();

        List<ItemView> items;
        if (m.IsClosed)
        {
            items = m.Results.Select(r => new ItemView(r.ApplicationId, r.ReceiptNumber, r.Title, r.OrganizationName, r.Category, r.ProposedLevel,
                r.PreliminaryScore, null, staff ? r.Cast : null, Mine(r.ApplicationId),
                new TallyView(r.Outcome, r.ApprovedLevel, r.Approve, r.Reject, r.ChangeLevel, r.Cast))).ToList();
        }
        else
        {
            items = (await db.CandidatesAsync(m.Year, ct)).Select(c => new ItemView(c.ApplicationId, c.ReceiptNumber, c.Title, c.OrganizationName,
                c.Category, c.ProposedLevel, c.PreliminaryScore, c.ConfirmedBy,
                staff ? votes.Count(v => v.ApplicationId == c.ApplicationId) : null, Mine(c.ApplicationId), null)).ToList();
        }
        var rule = m.Rule;
        return new MeetingView(m.Id, m.Year, m.Title, m.HeldAt, m.Place, m.Status, m.Version,
            new RuleView(m.QuorumNumerator, m.QuorumDenominator), new RuleView(m.MajorityNumerator, m.MajorityDenominator),
            m.Attendees.Count, present, rule.QuorumOf(m.Attendees.Count), rule.HasQuorum(m.Attendees.Count, present),
            m.ClosedAt, m.ClosedByName, m.Revotes, attendees, items,
            Permissions.CanVote(actor, m).Allowed, Permissions.CanChangeApprovalMeeting(actor, m).Allowed);
    }
}

internal sealed record Candidate(Guid ApplicationId, string? ReceiptNumber, string Title, string OrganizationName, Category Category,
    Level? ProposedLevel, decimal? PreliminaryScore, Stage? ConfirmedBy);
