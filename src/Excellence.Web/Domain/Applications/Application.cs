namespace Excellence.Web.Domain.Applications;

/// <summary>
/// One application (成果申报) of an organisation in one year and category: the content of the official
/// form (attachment 2, or 3 with the nominee), the chosen recommender or direct path, and its stage.
/// Section 一 is read from the organisation's profile while a draft and frozen into <see cref="SnapshotJson"/>
/// at submission.
/// </summary>
public sealed class Application : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    /// <summary>The round's year, kept here for receipt numbers, lists and filters.</summary>
    public int Year { get; set; }
    public Category Category { get; set; }
    public Guid OrganizationId { get; set; }
    public Stage Stage { get; set; } = Stage.Draft;
    public string? ReceiptNumber { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>The last submission (a returned and resubmitted application keeps its receipt number).</summary>
    public DateTime? SubmittedAt { get; set; }

    // 二、开展质量改进与创新活动情况 / 三、近三年获奖情况 (attachment 2)
    public List<QualityActivity> QualityActivities { get; set; } = [];
    public List<Award> Awards { get; set; } = [];

    /// <summary>申报人 (IndividualExperience only).</summary>
    public Nominee? Nominee { get; set; }

    // 成果报告
    public string Title { get; set; } = "";
    public string Overview { get; set; } = "";
    public string Content { get; set; } = "";
    public string Effectiveness { get; set; } = "";

    /// <summary>The applicant's answers to the declared conditions; computed ones are never stored.</summary>
    public List<EligibilityAnswer> Eligibility { get; set; } = [];

    // 推荐单位 or 直接申报
    public Guid? RecommenderUnitId { get; set; }
    public bool IsDirect { get; set; }
    public string? DirectApplicationReason { get; set; }

    /// <summary>本单位推荐意见, entered by the applicant.</summary>
    public string OwnUnitOpinion { get; set; } = "";

    /// <summary>上级单位推荐意见, entered by the recommender.</summary>
    public string RecommenderOpinion { get; set; } = "";
    public RecommendationDecision? RecommenderDecision { get; set; }
    public DateOnly? RecommenderOpinionDate { get; set; }
    public string? RecommendedByName { get; set; }
    public Guid? RecommendedBy { get; set; }

    /// <summary>The form as submitted (JSON of the API's application shape, section 一 included).</summary>
    public string? SnapshotJson { get; set; }

    // The evaluation's outcome (screening to publication).
    /// <summary>The aggregated preliminary score (mean, trimmed, or the consensus), once ranked.</summary>
    public decimal? PreliminaryScore { get; set; }
    /// <summary>The level proposed by the preliminary review, the panel or the site visit; null: not recognised.</summary>
    public Level? ProposedLevel { get; set; }
    /// <summary>On the benchmark-candidate list for the panel review (专家会审).</summary>
    public bool IsBenchmarkCandidate { get; set; }
    /// <summary>The level the approval meeting decided (changed only by an upheld objection).</summary>
    public Level? ApprovedLevel { get; set; }
    /// <summary>The applicant agrees that organisation (or person), title, category and level are published.</summary>
    public bool ConsentToPublish { get; set; } = true;

    public bool IsIndividual => Category == Category.IndividualExperience;
}

public sealed record QualityActivity(string Name, string Result);

public sealed record Award(string Name, DateOnly? Date, string AwardingBody);

/// <summary>An answer to one eligibility condition, e.g. "Article5.2".</summary>
public sealed record EligibilityAnswer(string Condition, bool? Met, string? Note);

public enum RecommendationDecision { Recommend, Return }

/// <summary>申报人基本信息 of attachment 3. The resident ID is stored only encrypted and masked.</summary>
public sealed class Nominee : IAudited
{
    public Guid ApplicationId { get; set; }
    public string Name { get; set; } = "";
    [Sensitive] public string ResidentIdCipher { get; set; } = "";
    public string ResidentIdMasked { get; set; } = "";
    public Gender? Gender { get; set; }
    public PoliticalStatus? PoliticalStatus { get; set; }
    public string TitleOrSkill { get; set; } = "";
    public string Education { get; set; } = "";
    public string Department { get; set; } = "";
    public string Position { get; set; } = "";
    public int? YearsOfWork { get; set; }
    public int? YearsInCurrentPost { get; set; }
    [Sensitive] public string PhoneCipher { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    public string Email { get; set; } = "";
    public string WorkHistory { get; set; } = "";
    public string RecentHonours { get; set; } = "";
    /// <summary>照片: re-encoded by the server (no metadata survives), stored like evidence.</summary>
    public string? PhotoStoredName { get; set; }
    public string? PhotoSha256 { get; set; }
}

/// <summary>One move of an application between stages: who, when, why.</summary>
public sealed class StageChange : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Stage From { get; set; }
    public Stage To { get; set; }
    public Move Move { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string? Reason { get; set; }
}
