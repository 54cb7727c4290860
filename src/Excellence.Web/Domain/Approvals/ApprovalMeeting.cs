namespace Excellence.Web.Domain.Approvals;

public enum MeetingStatus { Open, Closed }

/// <summary>
/// 审定会议: the approval meeting of a year. The approval experts invited (<see cref="ApprovalAttendee"/>) vote on
/// every application in stage Proposed; the secretariat records attendance and closes the meeting, which applies
/// the tally (<see cref="Tally"/>) and locks the result (<see cref="Results"/>).
/// </summary>
public sealed class ApprovalMeeting : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>When the meeting is held (UTC).</summary>
    public DateTime HeldAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Quorum: at least Numerator/Denominator of the invited approvers present (default two thirds).</summary>
    public int QuorumNumerator { get; set; } = 2;
    public int QuorumDenominator { get; set; } = 3;
    /// <summary>Majority: approving votes at least Numerator/Denominator of the votes cast, and always more than half (default simple majority).</summary>
    public int MajorityNumerator { get; set; } = 1;
    public int MajorityDenominator { get; set; } = 2;
    public MeetingStatus Status { get; set; } = MeetingStatus.Open;
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedBy { get; set; }
    public string? ClosedByName { get; set; }
    /// <summary>The locked result per application, written when the meeting closes (JSON column).</summary>
    public List<ApprovalResult> Results { get; set; } = [];
    /// <summary>How many revotes the secretariat started (undecided items voted again).</summary>
    public int Revotes { get; set; }
    public List<ApprovalAttendee> Attendees { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public Rule Rule => new(QuorumNumerator, QuorumDenominator, MajorityNumerator, MajorityDenominator);
    public bool IsClosed => Status == MeetingStatus.Closed;
}

/// <summary>审定专家 invited to a meeting (a user with role Approver) and whether present, as the secretariat recorded it.</summary>
public sealed class ApprovalAttendee : IAudited
{
    public Guid MeetingId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The name at the time of invitation, for the minutes.</summary>
    public string Name { get; set; } = "";
    public bool Present { get; set; }
}

public enum VoteChoice { Approve, Reject, ChangeLevel }

/// <summary>One approver's vote on one application at one meeting; replaced by a later vote until the meeting closes.</summary>
public sealed class ApprovalVote : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid ApproverUserId { get; set; }
    public VoteChoice Choice { get; set; }
    /// <summary>The level voted for with <see cref="VoteChoice.ChangeLevel"/>.</summary>
    public Level? Level { get; set; }
    public string? Reason { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The locked outcome of one application at a closed meeting, with its vote counts (for the minutes).</summary>
public sealed record ApprovalResult(Guid ApplicationId, string? ReceiptNumber, string Title, string OrganizationName, Category Category,
    Level? ProposedLevel, decimal? PreliminaryScore, TallyOutcome Outcome, Level? ApprovedLevel,
    int Approve, int Reject, int ChangeLevel, int Cast);
