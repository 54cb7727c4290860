namespace Excellence.Web.Domain.Reviews;

/// <summary>The review ladder: nothing yet, a draft, submitted (then read-only).</summary>
public enum ReviewStatus { Empty, Draft, Submitted }

/// <summary>
/// 评分表: one expert's scores on one application, through its assignment. Each sub-criterion is a band
/// percentage in 5 % steps; points are max × band. Strengths and opportunities become the applicant's feedback.
/// </summary>
public sealed class Review : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssignmentId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid ExpertId { get; set; }
    public Guid RubricId { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;
    /// <summary>One entry per criterion code (JSON column).</summary>
    public List<CriterionScore> Scores { get; set; } = [];
    /// <summary>优势.</summary>
    public string Strengths { get; set; } = "";
    /// <summary>改进机会.</summary>
    public string Opportunities { get; set; } = "";
    /// <summary>一票否决 proposed by the expert, with its written reason.</summary>
    public VetoReason? Veto { get; set; }
    public string? VetoNote { get; set; }
    /// <summary>The total out of 100 (sum of points), kept for lists and ranking.</summary>
    public decimal Total { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }
}

public sealed record CriterionScore(string Code, int? BandPercent, string? Comment);

public enum VetoReason { FalsifiedOrPlagiarised, MajorIncident, PracticeUnderOneYear }

/// <summary>组长合议: the group leader's consensus score for a flagged application; the original scores stay.</summary>
public sealed class Consensus : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Guid ReviewGroupId { get; set; }
    public decimal Score { get; set; }
    /// <summary>Block points agreed (block code → points), when the consensus changes blocks (JSON column).</summary>
    public Dictionary<string, decimal> BlockPoints { get; set; } = [];
    public string Reason { get; set; } = "";
    public Guid ByExpertId { get; set; }
    public DateTime At { get; set; }
    public int Version { get; set; }
}
