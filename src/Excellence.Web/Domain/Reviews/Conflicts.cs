namespace Excellence.Web.Domain.Reviews;

/// <summary>What an application ties to, for conflict detection: its organisation and its recommender unit.</summary>
public sealed record ApplicantTies(
    string OrganizationName, string? OrganizationCreditCode,
    string? RecommenderName, string? RecommenderCreditCode, bool RecommenderIsGroupCompany);

/// <summary>
/// Conflict-of-interest detection (Article 15.3): the known ties between an expert and an application.
/// Pure; the caller adds declared conflicts (rows of <see cref="Conflict"/>). A non-empty result means the
/// expert is never assigned the application and never receives any trace of it.
/// </summary>
public static class Conflicts
{
    public static IReadOnlyList<ConflictKind> Detect(Expert expert, ApplicantTies applicant, int year, int affiliationYears)
    {
        var found = new List<ConflictKind>();
        if (Same(expert.OrganizationName, expert.OrganizationCreditCode, applicant.OrganizationName, applicant.OrganizationCreditCode))
            found.Add(ConflictKind.SameOrganization);
        if (applicant.RecommenderName is not null || applicant.RecommenderCreditCode is not null)
        {
            if (Same(expert.OrganizationName, expert.OrganizationCreditCode, applicant.RecommenderName, applicant.RecommenderCreditCode))
                found.Add(ConflictKind.RecommenderUnit);
            if (applicant.RecommenderIsGroupCompany
                && Same(expert.GroupName, expert.GroupCreditCode, applicant.RecommenderName, applicant.RecommenderCreditCode))
                found.Add(ConflictKind.SameGroup);
        }
        // The applicant is the group company of the expert's employer.
        if (!found.Contains(ConflictKind.SameGroup) && Same(expert.GroupName, expert.GroupCreditCode, applicant.OrganizationName, applicant.OrganizationCreditCode))
            found.Add(ConflictKind.SameGroup);
        var since = year - affiliationYears;
        // A recent tie to the applicant, or to the unit that recommends it, counts alike.
        if (expert.Affiliations.Any(a => (a.ToYear is null || a.ToYear >= since) && a.FromYear <= year
                && (Same(a.OrganizationName, a.CreditCode, applicant.OrganizationName, applicant.OrganizationCreditCode)
                    || ((applicant.RecommenderName is not null || applicant.RecommenderCreditCode is not null)
                        && Same(a.OrganizationName, a.CreditCode, applicant.RecommenderName, applicant.RecommenderCreditCode)))))
            found.Add(ConflictKind.Affiliation);
        return found;
    }

    /// <summary>Two organisations are the same when their credit codes match, or, lacking one, their normalised names.</summary>
    public static bool Same(string? nameA, string? codeA, string? nameB, string? codeB)
    {
        var ca = NormalizeCode(codeA);
        var cb = NormalizeCode(codeB);
        if (ca.Length > 0 && cb.Length > 0 && ca == cb) return true;
        var na = NormalizeName(nameA);
        return na.Length > 0 && na == NormalizeName(nameB);
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Ignores spaces, full-width/half-width brackets and letter case: "上海某某（集团）有限公司" = "上海某某(集团)有限公司".</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var chars = name.Where(c => !char.IsWhiteSpace(c)).Select(c => c switch { '（' => '(', '）' => ')', _ => char.ToLowerInvariant(c) });
        return new string(chars.ToArray());
    }
}
