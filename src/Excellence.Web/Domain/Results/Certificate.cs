namespace Excellence.Web.Domain.Results;

/// <summary>
/// 证书: the certificate of one published result. The number is printed and sequential per year and category
/// ("SHQA-2026-OM-001"); the code is the unguessable key of its public verification address (/verify/{code}).
/// The holder's names are kept as printed, so a certificate reads the same years later.
/// </summary>
public sealed class Certificate : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";
    /// <summary>160 random bits in base32 (32 characters): printed only in the QR code and the verification link.</summary>
    [Sensitive] public string Code { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Year { get; set; }
    public Category Category { get; set; }
    /// <summary>The sequence within the year and category (1, 2, 3 …).</summary>
    public int Sequence { get; set; }
    public Level Level { get; set; }
    /// <summary>The organisation, or for an individual the nominee's name.</summary>
    public string HolderName { get; set; } = "";
    /// <summary>The organisation (for an individual: the nominee's employer).</summary>
    public string OrganizationName { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public Guid? RevokedBy { get; set; }
    public int Version { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>成果发布: the results of one year and category were published (once), by whom and when.</summary>
public sealed class Publication : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public Category Category { get; set; }
    public DateTime PublishedAt { get; set; }
    public Guid PublishedBy { get; set; }
    public string PublishedByName { get; set; } = "";
    /// <summary>How many results were recognised (certificates issued) and how many applications got feedback only.</summary>
    public int Recognised { get; set; }
    public int NotRecognised { get; set; }
}
