using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;

namespace Excellence.Tests.Domain.Diagnosis;

public class DiagnosisAdviceTests
{
    private static readonly IndicatorDefinition System = DefaultIndicatorSystem.Create();

    private static Dictionary<string, string> All(string band) => System.AllIndicators.ToDictionary(q => q.Code,
        q => q.Scale == AnswerScale.YesNoVeto ? Answers.No : band);

    [Fact]
    public void The_three_weakest_dimensions_come_with_the_next_anchor_of_their_lowest_questions()
    {
        var answers = All("D");
        answers["5.1"] = "A"; answers["5.3"] = "B";
        answers["2.2"] = "B";
        answers["6.3"] = "C";
        var r = Scoring.Score(System, answers);
        var weakest = Advice.Weakest(System, r, answers);
        Assert.Equal(["D5", "D2", "D6"], weakest.Select(w => w.Code));
        Assert.Equal([("5.1", 0, 1), ("5.3", 1, 2)], weakest[0].Steps.Select(s => (s.IndicatorCode, s.Current, s.Next)));
        Assert.Equal("二级", weakest[0].Steps[1].NextBand);
    }

    [Fact]
    public void The_two_highest_levels_suggest_the_organisation_model()
    {
        Assert.Equal(Category.OrganizationModel, Advice.SuggestedCategory(System, Scoring.Score(System, All("D"))));
        Assert.Equal(Category.OrganizationModel, Advice.SuggestedCategory(System, Scoring.Score(System, All("E"))));
    }

    [Fact]
    public void Strong_innovation_below_L4_suggests_a_single_practice_and_otherwise_nothing_yet()
    {
        var answers = All("C");
        foreach (var q in System.Dimensions[2].Indicators) answers[q.Code] = "D";
        Assert.Equal(Category.SinglePractice, Advice.SuggestedCategory(System, Scoring.Score(System, answers)));
        Assert.Null(Advice.SuggestedCategory(System, Scoring.Score(System, All("C"))));
    }

    [Fact]
    public void A_peer_group_under_ten_organisations_reveals_nothing()
    {
        Assert.Null(Advice.Standing(60m, Enumerable.Repeat(50m, 8).ToList()));
        Assert.Equal(new PeerStanding(1, 10), Advice.Standing(60m, Enumerable.Repeat(50m, 9).ToList()));
    }

    [Fact]
    public void The_standing_is_a_quartile_that_cannot_tell_the_top_from_the_second()
    {
        // Ten organisations: being first or second reads the same, so no other's figure is bounded by it.
        var others = new List<decimal> { 10, 20, 30, 40, 50, 60, 70, 80, 90 };
        Assert.Equal(1, Advice.Standing(95m, others)!.Quartile);
        Assert.Equal(1, Advice.Standing(85m, others)!.Quartile);
        Assert.Equal(2, Advice.Standing(75m, others)!.Quartile);
        Assert.Equal(4, Advice.Standing(5m, others)!.Quartile);
        Assert.Equal(4, Advice.Standing(15m, others)!.Quartile);
    }

    [Fact]
    public void A_draft_version_with_weights_not_summing_to_100_cannot_be_published()
    {
        var v1 = new IndicatorSystem { Number = 1, Status = IndicatorSystemStatus.Published, Definition = System };
        var draft = v1.NewDraft(2, DateTime.UnixEpoch);
        draft.Definition.Dimensions[0].Weight = 13;
        var problems = draft.Publish(DateTime.UnixEpoch);
        Assert.Equal([("dimensions", "Diagnosis.System.WeightsNot100")], problems.Select(p => (p.Field, p.Problem.Key)));
        Assert.Equal(IndicatorSystemStatus.Draft, draft.Status);
        Assert.Equal(12, v1.Definition.Dimensions[0].Weight);
    }
}
