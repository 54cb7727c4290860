namespace Excellence.Web.Domain;

/// <summary>The roles of process.md. One person may hold several.</summary>
public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Recommender = nameof(Recommender);
    public const string Secretariat = nameof(Secretariat);
    public const string Expert = nameof(Expert);
    public const string Approver = nameof(Approver);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Applicant, Recommender, Secretariat, Expert, Approver, Administrator];

    /// <summary>Roles whose accounts must sign in with a second factor.</summary>
    public static readonly IReadOnlySet<string> RequireTwoFactor = new HashSet<string> { Secretariat, Administrator };

    /// <summary>Roles offered (not forced) a second factor.</summary>
    public static readonly IReadOnlySet<string> OfferTwoFactor = new HashSet<string> { Expert, Approver };
}
