using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Domain.Reviews;

/// <summary>The gaps closed in conflict detection: ties through the recommender unit and the expert's group company.</summary>
public class ConflictDetectionTests
{
    private static readonly ApplicantTies Applicant = new("上海甲制造有限公司", null, "上海乙集团有限公司", null, true);

    [Fact]
    public void A_recent_consulting_tie_to_the_recommender_unit_is_a_conflict_and_an_old_one_is_not()
    {
        var recent = new Expert { OrganizationName = "某大学", Affiliations = [new Affiliation("上海乙集团有限公司", null, AffiliationKind.Consulting, 2023, 2024)] };
        var old = new Expert { OrganizationName = "某大学", Affiliations = [new Affiliation("上海乙集团有限公司", null, AffiliationKind.Consulting, 2015, 2019)] };

        Assert.Equal([ConflictKind.Affiliation], Conflicts.Detect(recent, Applicant, 2026, 3));
        Assert.Empty(Conflicts.Detect(old, Applicant, 2026, 3));
    }

    [Fact]
    public void An_expert_whose_group_company_is_the_applicant_has_a_conflict()
    {
        var expert = new Expert { OrganizationName = "上海甲制造子公司", GroupName = "上海甲制造有限公司" };
        var direct = Applicant with { RecommenderName = null, RecommenderIsGroupCompany = false };

        Assert.Equal([ConflictKind.SameGroup], Conflicts.Detect(expert, direct, 2026, 3));
    }
}
