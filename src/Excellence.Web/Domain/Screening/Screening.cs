using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Domain.Screening;

/// <summary>What the secretariat decides at 条件审查 (Article 9).</summary>
public enum ScreeningDecision { Pass, Fail, RequestSupplement }

/// <summary>Why an application fails screening: the conditions or completeness, or a 一票否决 (veto) found at screening.</summary>
public enum FailKind { Conditions, Veto }

/// <summary>
/// The screening checklist of one year and category: the conditions of Articles 5 or 6 and the completeness
/// items, editable by the secretariat per year. Years without one use <see cref="DefaultChecklist"/>.
/// </summary>
public sealed class ScreeningChecklist : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public Category Category { get; set; }
    /// <summary>The items in order (JSON column).</summary>
    public List<ChecklistItem> Items { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One line of the checklist; the code stays when the text is reworded, so answers keep their meaning.</summary>
public sealed record ChecklistItem(string Code, string Text);

/// <summary>The secretariat's answer to one checklist item, saved with the decision (with the item's text at the time).</summary>
public sealed record ChecklistAnswer(string Code, string Text, bool? Met, string? Note);

/// <summary>One screening decision: who, when, what, why, and the checklist as answered.</summary>
public sealed class ScreeningRecord : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public ScreeningDecision Decision { get; set; }
    public FailKind? FailKind { get; set; }
    /// <summary>Shown to the applicant (the fail reason, or the message of a supplement request).</summary>
    public string? Reason { get; set; }
    /// <summary>The secretariat's own note, never shown to the applicant.</summary>
    public string? InternalNote { get; set; }
    public List<ChecklistAnswer> Checklist { get; set; } = [];
    /// <summary>The request this decision made (RequestSupplement only).</summary>
    public Guid? SupplementRequestId { get; set; }
    public Guid ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>补充材料: one round of the secretariat asking for material or explanation by a due date.</summary>
public sealed class SupplementRequest : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    /// <summary>1 for the first request of this application, 2 for the second, …</summary>
    public int RoundNumber { get; set; }
    /// <summary>The last day (Asia/Shanghai) to answer on time.</summary>
    public DateOnly DueOn { get; set; }
    public DateTime RequestedAt { get; set; }
    public Guid RequestedBy { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }
    public Guid? AnsweredBy { get; set; }
    public string? AnsweredByName { get; set; }
    /// <summary>Answered after the due date (still accepted).</summary>
    public bool IsLate { get; set; }
    public List<SupplementItem> Items { get; set; } = [];

    public bool IsOpen => AnsweredAt is null;
}

/// <summary>One thing missing or to be explained, and the applicant's answer.</summary>
public sealed class SupplementItem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public string? Answer { get; set; }
}

/// <summary>A file given with an answer: checked and stored like evidence, under a server-made name.</summary>
public sealed class SupplementFile : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public Guid RequestId { get; set; }
    public Guid ApplicationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoredName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public Guid UploadedBy { get; set; }
}
