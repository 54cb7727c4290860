using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;

namespace Excellence.Web.Domain.Applications;

/// <summary>One condition of Articles 5 and 6 as judged for one application.</summary>
/// <param name="Computed">Decided from data (establishment date, credit code, years of work), not declared.</param>
/// <param name="Met">Null when a declaration is still unanswered.</param>
/// <param name="Why">Why a computed condition fails, or what is missing to decide it.</param>
public sealed record EligibilityResult(string Condition, bool Computed, bool? Met, Problem? Why, string? Note);

/// <summary>The eligibility self-check (Articles 5 and 6 of the 评价办法).</summary>
public static class Eligibility
{
    public static readonly IReadOnlyList<string> Article5 = ["Article5.1", "Article5.2", "Article5.3", "Article5.4", "Article5.5", "Article5.6"];
    public static readonly IReadOnlyList<string> Article6 = ["Article6.1", "Article6.2", "Article6.3", "Article6.4"];

    /// <summary>Conditions the system decides from data; the others are the applicant's declarations.</summary>
    public static readonly IReadOnlySet<string> ComputedConditions = new HashSet<string> { "Article5.1", "Article6.2" };

    public const int YearsInOperationRequired = 3;
    public const int YearsOfQualityWorkRequired = 10;

    public static IReadOnlyList<string> ConditionsFor(Category category) =>
        category == Category.IndividualExperience ? Article6 : Article5;

    public static IReadOnlyList<EligibilityResult> Evaluate(Application application, Organization organization, DateOnly today)
    {
        var answers = application.Eligibility.ToDictionary(a => a.Condition, StringComparer.Ordinal);
        return ConditionsFor(application.Category).Select(condition =>
        {
            answers.TryGetValue(condition, out var answer);
            return condition switch
            {
                "Article5.1" => Article5_1(organization, today, answer?.Note),
                "Article6.2" => Article6_2(organization, application.Nominee, answer?.Note),
                _ => new EligibilityResult(condition, false, answer?.Met,
                    answer?.Met == false ? new Problem("Eligibility.DeclaredNotMet") : null, answer?.Note),
            };
        }).ToList();
    }

    private static EligibilityResult Article5_1(Organization organization, DateOnly today, string? note)
    {
        if (!InShanghai(organization))
            return new("Article5.1", true, false, new Problem("Eligibility.NotRegisteredInShanghai", CreditCode.RegionCode(organization.CreditCode)), note);
        if (organization.EstablishedOn == default)
            return new("Article5.1", true, null, new Problem("Eligibility.EstablishedOnMissing"), note);
        var years = organization.YearsInOperation(today);
        return years >= YearsInOperationRequired
            ? new("Article5.1", true, true, null, note)
            : new("Article5.1", true, false, new Problem("Eligibility.TooFewYearsInOperation", years, YearsInOperationRequired), note);
    }

    private static EligibilityResult Article6_2(Organization organization, Nominee? nominee, string? note)
    {
        if (!InShanghai(organization))
            return new("Article6.2", true, false, new Problem("Eligibility.NotRegisteredInShanghai", CreditCode.RegionCode(organization.CreditCode)), note);
        if (nominee?.YearsOfWork is not { } years)
            return new("Article6.2", true, null, new Problem("Eligibility.YearsOfWorkMissing"), note);
        return years >= YearsOfQualityWorkRequired
            ? new("Article6.2", true, true, null, note)
            : new("Article6.2", true, false, new Problem("Eligibility.TooFewYearsOfWork", years, YearsOfQualityWorkRequired), note);
    }

    private static bool InShanghai(Organization organization) =>
        organization.CreditCode.Length == 18 && CreditCode.IsShanghai(organization.CreditCode);
}
