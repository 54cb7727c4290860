using Excellence.Web.Domain.Approvals;

namespace Excellence.Web.Domain;

/// <summary>The approval meeting: the secretariat runs it; the invited approvers see it and, when present, vote.</summary>
public static partial class Permissions
{
    public static Decision CanManageApproval(Actor actor) => actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;

    /// <summary>The secretariat, and the approvers invited to this meeting; anyone else is not told it exists.</summary>
    public static Decision CanReadApprovalMeeting(Actor actor, ApprovalMeeting meeting) =>
        actor.Is(Roles.Secretariat) || (actor.Is(Roles.Approver) && meeting.Attendees.Any(a => a.UserId == actor.UserId))
            ? Decision.Allow : Decision.Hide;

    /// <summary>Only a present approver of an open meeting votes.</summary>
    public static Decision CanVote(Actor actor, ApprovalMeeting meeting)
    {
        if (!actor.Is(Roles.Approver)) return Decision.Hide;
        var me = meeting.Attendees.FirstOrDefault(a => a.UserId == actor.UserId);
        if (me is null) return Decision.Hide;
        if (meeting.IsClosed) return Decision.Deny("Approval.Closed");
        if (!me.Present) return Decision.Deny("Approval.NotPresent");
        return Decision.Allow;
    }

    /// <summary>Changes to the meeting (details, attendance, revote, closing) end when it closes.</summary>
    public static Decision CanChangeApprovalMeeting(Actor actor, ApprovalMeeting meeting) =>
        !actor.Is(Roles.Secretariat) ? Decision.Hide
        : meeting.IsClosed ? Decision.Deny("Approval.Closed")
        : Decision.Allow;

    /// <summary>Before closing an approver sees only its own votes; after, everyone who may read the meeting sees the tally.</summary>
    public static bool MaySeeAllVotes(Actor actor, ApprovalMeeting meeting) => meeting.IsClosed;
}
