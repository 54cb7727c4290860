namespace Excellence.Web.Domain.Panels;

/// <summary>The level a panel member votes for or the panel recommends: a level, or not recognised (不予认定).</summary>
public enum PanelLevel { Benchmark, Excellent, Advancing, NotRecognised }

/// <summary>What the panel decided for one item: propose the level, or ask for a site verification first.</summary>
public enum PanelDecision { Propose, SiteVerification }

/// <summary>
/// 专家会审: one meeting of the panel on a date and at a place, with its members (experts from the pool), a chair,
/// and an agenda of applications (items).
/// </summary>
public sealed class PanelMeeting : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>When the meeting starts (UTC).</summary>
    public DateTime StartsAt { get; set; }
    public string Place { get; set; } = "";
    public Guid? ChairExpertId { get; set; }
    public List<PanelMember> Members { get; set; } = [];
    public List<PanelItem> Items { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsMember(Guid? expertId) => expertId is { } id && Members.Any(m => m.ExpertId == id);
}

public sealed class PanelMember : IAudited
{
    public Guid MeetingId { get; set; }
    public Guid ExpertId { get; set; }
}

/// <summary>One application on the agenda: the questions and answers noted, the members' votes, the conclusion.</summary>
public sealed class PanelItem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid ApplicationId { get; set; }
    public int Order { get; set; }
    /// <summary>提问与答辩记录.</summary>
    public string Questions { get; set; } = "";
    public PanelLevel? RecommendedLevel { get; set; }
    public string Reasons { get; set; } = "";
    public PanelDecision? Decision { get; set; }
    public DateTime? ConcludedAt { get; set; }
    public string? ConcludedByName { get; set; }
    public List<PanelRecusal> Recusals { get; set; } = [];
    public List<PanelVote> Votes { get; set; } = [];
    public int Version { get; set; }

    public bool IsRecused(Guid expertId) => Recusals.Any(r => r.ExpertId == expertId);
    public bool IsConcluded => ConcludedAt is not null;
}

/// <summary>
/// A member who takes no part in one item: automatically for a detected or declared conflict, or in the meeting
/// with the reason recorded. A recused member sees nothing of the application.
/// </summary>
public sealed class PanelRecusal : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public Guid ExpertId { get; set; }
    public bool Automatic { get; set; }
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>One member's panel score (0–100, one decimal) and/or recommended level on one item.</summary>
public sealed class PanelVote : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public Guid ExpertId { get; set; }
    public decimal? Score { get; set; }
    public PanelLevel? Level { get; set; }
    public DateTime At { get; set; }
}
