namespace Excellence.Web.Domain.Rounds;

public enum PhaseKind { Launch, Application, Evaluation, Approval, Promotion, Other }

public enum RoundStatus { Upcoming, Open, Closed }

/// <summary>
/// One evaluation year (年度评价活动). Everything that changes from year to year is data here: the
/// notice, the timeline, the deadline, the forms' limits and the evidence limits.
/// </summary>
public sealed class Round : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string NoticeNumber { get; set; } = "";
    /// <summary>The notice's text (zh-CN), plain text with blank lines between paragraphs.</summary>
    public string NoticeText { get; set; } = "";
    public DateTime SubmissionDeadline { get; set; }
    public long EvidenceFileLimitBytes { get; set; } = 20L * 1024 * 1024;
    public long EvidenceTotalLimitBytes { get; set; } = 100L * 1024 * 1024;
    public string ContactDepartment { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<RoundPhase> Phases { get; set; } = [];
    public List<RoundCategory> Categories { get; set; } = [];

    /// <summary>Applications open with the first day of the application phase (Shanghai) and close at the deadline.</summary>
    public DateTime? OpensAt =>
        Phases.Where(p => p.Kind == PhaseKind.Application).Select(p => (DateOnly?)p.StartsOn).Min() is { } d
            ? Shanghai.ToUtc(d.ToDateTime(TimeOnly.MinValue))
            : null;

    public RoundStatus StatusAt(DateTime nowUtc) =>
        nowUtc >= SubmissionDeadline ? RoundStatus.Closed
        : OpensAt is { } opens && nowUtc < opens ? RoundStatus.Upcoming
        : RoundStatus.Open;

    /// <summary>Submissions are accepted strictly before the deadline instant (14:59:59 yes, 15:00:00 no).</summary>
    public bool AcceptsSubmissionsAt(DateTime nowUtc) => StatusAt(nowUtc) == RoundStatus.Open;

    public RoundCategory? For(Category category) => Categories.FirstOrDefault(c => c.Category == category && c.Enabled);
}

/// <summary>One row of the timeline (活动安排).</summary>
public sealed class RoundPhase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Order { get; set; }
    public PhaseKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A category as offered in one year, with its form limits (字数) and optional cap per organisation.</summary>
public sealed class RoundCategory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Category Category { get; set; }
    public bool Enabled { get; set; } = true;
    public int TitleLimit { get; set; } = 30;
    public int OverviewLimit { get; set; } = 2000;
    public int ContentLimit { get; set; }
    public int EffectivenessLimit { get; set; } = 3000;
    public int? MaxPerOrganization { get; set; }

    public static RoundCategory Default(Category category) => new()
    {
        Category = category,
        ContentLimit = category == Category.IndividualExperience ? 5000 : 8000,
    };
}
