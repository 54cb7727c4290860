using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;

namespace Excellence.Web.Domain.Applications;

/// <summary>
/// What an application needs before it can be submitted: completeness (what is still missing), the
/// year's 字数 limits, and eligibility. Each answer is a list of field problems keyed by the field's
/// path in the API shape ("report.title"), so the page's checklist and the API's errors agree.
/// </summary>
public static class ApplicationRules
{
    /// <summary>The four report texts with the year's limit of each.</summary>
    public static IReadOnlyList<(string Field, string Text, int Limit)> LimitedTexts(Application a, RoundCategory limits) =>
    [
        ("report.title", a.Title, limits.TitleLimit),
        ("report.overview", a.Overview, limits.OverviewLimit),
        ("report.content", a.Content, limits.ContentLimit),
        ("report.effectiveness", a.Effectiveness, limits.EffectivenessLimit),
    ];

    /// <summary>Texts over their limit: a warning in a draft, a refusal at submission.</summary>
    public static IReadOnlyList<FieldProblem> Limits(Application a, RoundCategory limits) =>
        LimitedTexts(a, limits)
            .Select(t => (t.Field, Count: WordCount.Count(t.Text), t.Limit))
            .Where(t => t.Count > t.Limit)
            .Select(t => new FieldProblem(t.Field, new Problem("Validation.WordLimit", t.Count, t.Limit)))
            .ToList();

    /// <summary>What is still missing, in the order of the form.</summary>
    public static IReadOnlyList<FieldProblem> Missing(Application a, Organization org)
    {
        var missing = new List<FieldProblem>();
        void Require(string field, bool present)
        {
            if (!present) missing.Add(new FieldProblem(field, new Problem("Validation.Required")));
        }

        var profileComplete = !string.IsNullOrWhiteSpace(org.Name) && !string.IsNullOrWhiteSpace(org.RegisteredAddress)
            && !string.IsNullOrWhiteSpace(org.MailingAddress) && !string.IsNullOrWhiteSpace(org.RegisteredPostcode)
            && !string.IsNullOrWhiteSpace(org.MailingPostcode) && !string.IsNullOrWhiteSpace(org.ContactName)
            && !string.IsNullOrWhiteSpace(org.ContactDepartment) && !string.IsNullOrWhiteSpace(org.ContactMobileMasked)
            && !string.IsNullOrWhiteSpace(org.ContactEmail) && org.EstablishedOn != default;
        if (!profileComplete) missing.Add(new FieldProblem("organization", new Problem("Application.ProfileIncomplete")));

        if (a.IsIndividual)
        {
            var n = a.Nominee;
            Require("nominee.name", !string.IsNullOrWhiteSpace(n?.Name));
            Require("nominee.residentId", !string.IsNullOrEmpty(n?.ResidentIdCipher));
            Require("nominee.gender", n?.Gender is not null);
            Require("nominee.politicalStatus", n?.PoliticalStatus is not null);
            Require("nominee.titleOrSkill", !string.IsNullOrWhiteSpace(n?.TitleOrSkill));
            Require("nominee.education", !string.IsNullOrWhiteSpace(n?.Education));
            Require("nominee.department", !string.IsNullOrWhiteSpace(n?.Department));
            Require("nominee.position", !string.IsNullOrWhiteSpace(n?.Position));
            Require("nominee.yearsOfWork", n?.YearsOfWork is not null);
            Require("nominee.yearsInCurrentPost", n?.YearsInCurrentPost is not null);
            Require("nominee.phone", !string.IsNullOrEmpty(n?.PhoneCipher));
            Require("nominee.email", !string.IsNullOrWhiteSpace(n?.Email));
            Require("nominee.workHistory", !string.IsNullOrWhiteSpace(n?.WorkHistory));
        }
        else
        {
            if (a.QualityActivities.Count == 0)
                missing.Add(new FieldProblem("qualityActivities", new Problem("Application.NoQualityActivity")));
        }

        Require("report.title", !string.IsNullOrWhiteSpace(a.Title));
        Require("report.overview", !string.IsNullOrWhiteSpace(a.Overview));
        Require("report.content", !string.IsNullOrWhiteSpace(a.Content));
        Require("report.effectiveness", !string.IsNullOrWhiteSpace(a.Effectiveness));

        var conditions = Eligibility.ConditionsFor(a.Category);
        for (var i = 0; i < conditions.Count; i++)
        {
            if (Eligibility.ComputedConditions.Contains(conditions[i])) continue;
            if (a.Eligibility.FirstOrDefault(e => e.Condition == conditions[i])?.Met is null)
                missing.Add(new FieldProblem($"eligibility[{i}].met", new Problem("Application.DeclarationUnanswered", new Problem("Eligibility.Short." + conditions[i]))));
        }

        if (!a.IsDirect && a.RecommenderUnitId is null)
            missing.Add(new FieldProblem("recommenderId", new Problem("Application.RecommenderOrDirect")));
        Require("ownUnitOpinion", !string.IsNullOrWhiteSpace(a.OwnUnitOpinion));
        return missing;
    }

    /// <summary>Conditions that block submission: a computed one that fails, or a declaration answered "no".</summary>
    public static IReadOnlyList<FieldProblem> EligibilityFailures(Application a, Organization org, DateOnly today)
    {
        var results = Eligibility.Evaluate(a, org, today);
        var failures = new List<FieldProblem>();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Met == false || (r.Computed && r.Met is null && r.Why is not null))
                failures.Add(new FieldProblem($"eligibility[{i}].met", r.Why ?? new Problem("Eligibility.DeclaredNotMet")));
        }
        return failures;
    }

    /// <summary>Everything that stands between a draft and its submission (the deadline aside).</summary>
    public static IReadOnlyList<FieldProblem> BeforeSubmission(Application a, Organization org, RoundCategory limits, DateOnly today) =>
        [.. Missing(a, org), .. Limits(a, limits), .. EligibilityFailures(a, org, today)
            .Where(f => !Missing(a, org).Any(m => m.Field == f.Field))];
}
