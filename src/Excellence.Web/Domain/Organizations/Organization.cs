namespace Excellence.Web.Domain.Organizations;

/// <summary>An applicant organisation (申报单位): the profile of section 一 of the forms, plus what the system needs.</summary>
public sealed class Organization : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string District { get; set; } = "";
    public DateOnly EstablishedOn { get; set; }
    public string RegisteredAddress { get; set; } = "";
    public string RegisteredPostcode { get; set; } = "";
    public string MailingAddress { get; set; } = "";
    public string MailingPostcode { get; set; } = "";
    public OrganizationNature Nature { get; set; }
    public string? NatureOther { get; set; }
    public MarketEntityType? MarketEntityType { get; set; }
    public Industry Industry { get; set; }
    public List<string> Sectors { get; set; } = [];
    public string? SectorOther { get; set; }
    public OrganizationScale Scale { get; set; }
    public bool IsSpecialisedSme { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactDepartment { get; set; } = "";
    /// <summary>Personal information: ciphertext of the contact's mobile (see PersonalData).</summary>
    [Sensitive] public string ContactMobileCipher { get; set; } = "";
    /// <summary>The masked mobile kept beside the ciphertext for lists (138****8000).</summary>
    public string ContactMobileMasked { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Offered the direct path (Article 8): foreign, private, or specialised SME.</summary>
    public bool MayApplyDirectly =>
        IsSpecialisedSme || MarketEntityType is Domain.MarketEntityType.Foreign or Domain.MarketEntityType.Private;

    /// <summary>Years in operation on a given day (Article 5.1 asks for three).</summary>
    public int YearsInOperation(DateOnly today)
    {
        var years = today.Year - EstablishedOn.Year;
        return EstablishedOn.AddYears(years) > today ? years - 1 : years;
    }
}

/// <summary>An invitation by an organisation's user to a colleague to join it.</summary>
public sealed class OrganizationInvitation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string Email { get; set; } = "";
    /// <summary>SHA-256 of the token sent by mail; the token itself is never stored.</summary>
    [Sensitive] public string TokenHash { get; set; } = "";
    public Guid InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A recommending unit (推荐单位): group company, district bureau, industry authority or association.</summary>
public sealed class RecommenderUnit : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public RecommenderKind Kind { get; set; }
    public string? CreditCode { get; set; }
    public string? District { get; set; }
    public string ContactName { get; set; } = "";
    [Sensitive] public string ContactPhoneCipher { get; set; } = "";
    public string ContactPhoneMasked { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
