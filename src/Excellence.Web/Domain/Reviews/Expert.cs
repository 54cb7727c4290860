namespace Excellence.Web.Domain.Reviews;

/// <summary>
/// One member of the expert pool (评审专家库). An expert may have a sign-in account (<see cref="UserId"/>,
/// role Expert); the pool also holds people who have none yet. Conflicts are detected from the organisation,
/// its credit code and the declared affiliations.
/// </summary>
public sealed class Expert : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The sign-in account, when the expert has one (unique).</summary>
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Current employer (工作单位).</summary>
    public string OrganizationName { get; set; } = "";
    public string? OrganizationCreditCode { get; set; }
    /// <summary>The group company (集团) the employer belongs to, when any: a tie to applications it recommends.</summary>
    public string? GroupName { get; set; }
    public string? GroupCreditCode { get; set; }
    /// <summary>职称 / 职务.</summary>
    public string Title { get; set; } = "";
    public string Email { get; set; } = "";
    [Sensitive] public string PhoneCipher { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    /// <summary>Domains: the categories, industries and sectors the expert can judge (codes).</summary>
    public List<Category> Categories { get; set; } = [];
    public List<Industry> Industries { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    /// <summary>Declared past employers, consulting or coaching ties (jsonb/text column).</summary>
    public List<Affiliation> Affiliations { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum AffiliationKind { Employment, Consulting, Coaching, Other }

/// <summary>A declared tie of an expert to an organisation, from <see cref="FromYear"/> to <see cref="ToYear"/> (null: ongoing).</summary>
public sealed record Affiliation(string OrganizationName, string? CreditCode, AffiliationKind Kind, int FromYear, int? ToYear, string? Note = null);

/// <summary>Whether an expert is available in a year (absent row: available).</summary>
public sealed class ExpertAvailability : IAudited
{
    public Guid ExpertId { get; set; }
    public int Year { get; set; }
    public bool Available { get; set; } = true;
    public string Note { get; set; } = "";
}

/// <summary>评审工作组: the experts of one year and category who review together, led by a 组长.</summary>
public sealed class ReviewGroup : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public Category Category { get; set; }
    public string Name { get; set; } = "";
    public Guid? LeaderExpertId { get; set; }
    public List<ReviewGroupMember> Members { get; set; } = [];
    public int Version { get; set; }
}

public sealed class ReviewGroupMember : IAudited
{
    public Guid ReviewGroupId { get; set; }
    public Guid ExpertId { get; set; }
}
