namespace Excellence.Web.Domain.Notices;

public enum ObjectionStatus { Received, Upheld, Dismissed }

/// <summary>How the objector identified themselves: 身份证号 or 手机号.</summary>
public enum ObjectorIdentity { ResidentId, Mobile }

/// <summary>What an upheld objection does to the result.</summary>
public enum ObjectionRemedy { ChangeLevel, Revoke }

/// <summary>How the objector was answered.</summary>
public enum ObjectionAnswer { Mail, Phone }

/// <summary>
/// 异议: a real-name objection to one application on a notice. The objector's identity is stored only
/// encrypted (and masked for lists); the fingerprint (a keyed hash of identity and application) finds duplicates
/// without keeping anything readable.
/// </summary>
public sealed class Objection : IAudited
{
    public const int GroundsMin = 10;
    public const int GroundsMax = 5000;
    public const int NameMax = 50;
    public const int OrganizationMax = 200;
    public const int ContactMax = 100;
    public const int FindingsMax = 5000;
    public const int MaxFiles = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NoticeId { get; set; }
    public Guid ApplicationId { get; set; }
    /// <summary>YI2026-0001: shown to the objector as the receipt.</summary>
    public string ReceiptNumber { get; set; } = "";
    public DateTime SubmittedAt { get; set; }

    [Sensitive] public string NameCipher { get; set; } = "";
    public string NameMasked { get; set; } = "";
    public ObjectorIdentity IdentityKind { get; set; }
    [Sensitive] public string IdentityCipher { get; set; } = "";
    public string IdentityMasked { get; set; } = "";
    [Sensitive] public string Fingerprint { get; set; } = "";
    public string Organization { get; set; } = "";
    [Sensitive] public string ContactCipher { get; set; } = "";
    public string ContactMasked { get; set; } = "";
    [Sensitive] public string EmailCipher { get; set; } = "";
    public bool HasEmail { get; set; }
    public string Grounds { get; set; } = "";

    public ObjectionStatus Status { get; set; } = ObjectionStatus.Received;
    public string Findings { get; set; } = "";
    public ObjectionRemedy? Remedy { get; set; }
    public Level? LevelBefore { get; set; }
    public Level? NewLevel { get; set; }
    /// <summary>The short explanation sent to the objector.</summary>
    public string Explanation { get; set; } = "";
    public ObjectionAnswer? AnsweredBy { get; set; }
    public string AnswerNote { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public int Version { get; set; }

    public List<ObjectionFile> Files { get; set; } = [];
}

/// <summary>An evidence file of an objection, stored like application evidence.</summary>
public sealed class ObjectionFile : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ObjectionId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoredName { get; set; } = "";
}

/// <summary>Masks for lists: 张*, 王*明.</summary>
public static class Masking
{
    public static string Name(string name)
    {
        var n = name.Trim();
        return n.Length switch { 0 => "", 1 => "*", 2 => n[..1] + "*", _ => n[..1] + new string('*', n.Length - 2) + n[^1..] };
    }

    /// <summary>A contact that may be a phone or an e-mail: keep a little of each end.</summary>
    public static string Contact(string contact)
    {
        var c = contact.Trim();
        var at = c.IndexOf('@');
        if (at > 0) return c[..1] + "***" + c[at..];
        return Identifiers.Phone.Mask(c);
    }
}
