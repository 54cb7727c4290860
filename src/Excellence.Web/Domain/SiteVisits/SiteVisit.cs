using Excellence.Web.Domain.Panels;

namespace Excellence.Web.Domain.SiteVisits;

public enum SiteVisitOutcome { Confirmed, NotConfirmed, LevelAdjusted }

/// <summary>
/// 现场验证 of one application: a team of experts (none conflicted), a date, the issues to verify, the log of
/// interviews and documents seen, the findings and the outcome that proposes the level.
/// </summary>
public sealed class SiteVisit : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public Guid ApplicationId { get; set; }
    /// <summary>The panel item that asked for it, when any.</summary>
    public Guid? PanelItemId { get; set; }
    public DateOnly Date { get; set; }
    public List<SiteVisitMember> Members { get; set; } = [];
    /// <summary>待核实问题, one per line.</summary>
    public string Issues { get; set; } = "";
    /// <summary>访谈与查阅资料记录 (JSON column).</summary>
    public List<SiteVisitLogEntry> Log { get; set; } = [];
    public string Findings { get; set; } = "";
    public SiteVisitOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    /// <summary>The level proposed by the outcome (null with NotConfirmed or NotRecognised).</summary>
    public PanelLevel? Level { get; set; }
    public DateTime? ConcludedAt { get; set; }
    public string? ConcludedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsMember(Guid? expertId) => expertId is { } id && Members.Any(m => m.ExpertId == id);
}

public sealed class SiteVisitMember : IAudited
{
    public Guid SiteVisitId { get; set; }
    public Guid ExpertId { get; set; }
}

/// <summary>One line of the log: when, whom or what (a person interviewed, a document read), what was noted.</summary>
public sealed record SiteVisitLogEntry(string Time, string Subject, string Note, string ByName);
