using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;

namespace Excellence.Tests.Domain.Diagnosis;

public class DiagnosisScoringTests
{
    private static readonly IndicatorDefinition System = DefaultIndicatorSystem.Create();

    /// <summary>Every question answered with the same band; the veto answered "no".</summary>
    private static Dictionary<string, string> All(string band) => System.AllIndicators.ToDictionary(q => q.Code,
        q => q.Scale == AnswerScale.YesNoVeto ? Answers.No : band);

    private static Dictionary<string, string> WorkedExample()
    {
        var answers = All("C");
        foreach (var q in System.Dimensions[0].Indicators) answers[q.Code] = "D";
        answers["8.1"] = "D"; answers["8.2"] = "C"; answers["8.3"] = "C"; answers["8.4"] = "D"; answers["8.5"] = "B";
        return answers;
    }

    private static decimal? Dimension(DiagnosisResult r, string code) => r.Dimensions.Single(d => d.Code == code).Score;

    [Fact]
    public void The_default_system_has_eight_dimensions_forty_questions_and_weights_summing_to_100()
    {
        Assert.Equal(8, System.Dimensions.Count);
        Assert.Equal(40, System.AllIndicators.Count());
        Assert.Equal(100m, System.Dimensions.Sum(d => d.Weight));
        Assert.All(System.Dimensions, d => Assert.Equal(d.Weight, d.Indicators.Sum(q => q.Weight)));
        Assert.Equal(["3.5", "5.2", "7.3"], System.AllIndicators.Where(q => q.AllowsNotApplicable).Select(q => q.Code));
        Assert.Empty(System.Validate());
    }

    [Fact]
    public void The_worked_example_of_the_spec_gives_54_5_and_L2()
    {
        var r = Scoring.Score(System, WorkedExample());
        Assert.Equal(75.0m, Dimension(r, "D1"));
        Assert.Equal(50.0m, Dimension(r, "D2"));
        Assert.Equal(55.0m, Dimension(r, "D7"));
        Assert.Equal(57.1m, Dimension(r, "D8"));
        Assert.Equal(54.5m, r.Total);
        Assert.Equal("L2", r.Level);
        Assert.False(r.Veto);
        Assert.False(r.VetoCapped);
    }

    [Fact]
    public void Sub_indices_are_taken_over_the_tagged_questions_only()
    {
        var r = Scoring.Score(System, WorkedExample());
        // 方向: D1 (12 × 75) and 6.5 (2 × 50) → 1000 / 14.
        Assert.Equal(71.4m, r.Direction);
        Assert.Equal(50.0m, r.Operation);
        // 结果: D8 (800) and the other result questions at 50 % (2.4, 2.5, 3.1, 3.3, 4.3, 4.5, 5.3, 6.2, 7.3 = 22 × 50): 1900 / 36.
        Assert.Equal(52.8m, r.Result);
    }

    [Fact]
    public void Not_applicable_is_left_out_and_the_dimension_re_weighted()
    {
        var answers = All("C");
        answers["3.5"] = Answers.NotApplicable;
        answers["3.1"] = "E"; // 3 × 100 + (3 + 3 + 3) × 50 = 750 over 12
        var r = Scoring.Score(System, answers);
        Assert.Equal(62.5m, Dimension(r, "D3"));
        Assert.False(r.Dimensions.Single(d => d.Code == "D3").InsufficientData);
    }

    [Fact]
    public void A_dimension_with_more_than_40_percent_not_applicable_shows_insufficient_data()
    {
        var system = DefaultIndicatorSystem.Create();
        foreach (var q in system.Dimensions[2].Indicators.Take(3)) q.AllowsNotApplicable = true;
        var answers = All("E");
        answers["3.1"] = Answers.NotApplicable;
        answers["3.2"] = Answers.NotApplicable;
        var twoOfFive = Scoring.Score(system, answers);
        Assert.False(twoOfFive.Dimensions.Single(d => d.Code == "D3").InsufficientData);

        answers["3.3"] = Answers.NotApplicable;
        var threeOfFive = Scoring.Score(system, answers);
        Assert.True(threeOfFive.Dimensions.Single(d => d.Code == "D3").InsufficientData);
        Assert.Equal(100m, Dimension(threeOfFive, "D3"));
        // 100 everywhere, but a dimension without enough data cannot prove the floors of L4 and L5.
        Assert.Equal(100m, threeOfFive.Total);
        Assert.Equal("L3", threeOfFive.Level);
    }

    [Fact]
    public void A_veto_scores_zero_raises_the_flag_and_caps_the_level_at_L2()
    {
        var answers = All("E");
        answers["7.5"] = Answers.Yes;
        var r = Scoring.Score(System, answers);
        Assert.Equal(90.0m, Dimension(r, "D7"));
        Assert.Equal(99.0m, r.Total);
        Assert.True(r.Veto);
        Assert.True(r.VetoCapped);
        Assert.Equal("L2", r.Level);
    }

    [Fact]
    public void A_veto_below_the_cap_leaves_the_level_alone()
    {
        var answers = All("B");
        answers["7.5"] = Answers.Yes;
        var r = Scoring.Score(System, answers);
        Assert.True(r.Veto);
        Assert.False(r.VetoCapped);
        Assert.Equal("L1", r.Level);
    }

    [Theory]
    [InlineData("A", "L1")]
    [InlineData("C", "L2")]
    [InlineData("D", "L4")]
    [InlineData("E", "L5")]
    public void Uniform_answers_reach_the_level_of_their_total(string band, string level) =>
        Assert.Equal(level, Scoring.Score(System, All(band)).Level);

    [Fact]
    public void L4_needs_every_dimension_at_50_percent()
    {
        var answers = All("E");
        foreach (var q in System.Dimensions[5].Indicators) answers[q.Code] = "B"; // D6 at 25 %, total 92.5
        var r = Scoring.Score(System, answers);
        Assert.Equal(92.5m, r.Total);
        Assert.Equal("L3", r.Level);
    }

    [Fact]
    public void L5_needs_every_dimension_at_65_percent_else_L4()
    {
        var answers = All("E");
        foreach (var q in System.Dimensions[5].Indicators) answers[q.Code] = "C"; // D6 at 50 %, total 95
        var r = Scoring.Score(System, answers);
        Assert.Equal(95.0m, r.Total);
        Assert.Equal("L4", r.Level);
    }

    [Fact]
    public void Level_boundaries_are_inclusive_from_below()
    {
        var dims = System.Dimensions.Select(d => new DimensionScore(d.Code, 100m, false)).ToList();
        Assert.Equal(("L1", false), Scoring.LevelOf(System, 39.9m, dims, false));
        Assert.Equal(("L2", false), Scoring.LevelOf(System, 40.0m, dims, false));
        Assert.Equal(("L2", false), Scoring.LevelOf(System, 54.9m, dims, false));
        Assert.Equal(("L3", false), Scoring.LevelOf(System, 55.0m, dims, false));
        Assert.Equal(("L4", false), Scoring.LevelOf(System, 70.0m, dims, false));
        Assert.Equal(("L5", false), Scoring.LevelOf(System, 85.0m, dims, false));
        Assert.Equal(("L2", true), Scoring.LevelOf(System, 85.0m, dims, true));
    }

    private static readonly Indicator[] Questions = System.AllIndicators.ToArray();

    /// <summary>Any complete set of answers: each question gets one of the values its scale allows.</summary>
    private static readonly Gen<Dictionary<string, string>> AnyAnswers = Gen.Int[0, 59].Array[Questions.Length].Select(picks =>
        Questions.Select((q, i) => (q, allowed: Allowed(q))).ToDictionary(x => x.q.Code, x => x.allowed[picks[Array.IndexOf(Questions, x.q)] % x.allowed.Length]));

    private static string[] Allowed(Indicator q) => q.Scale == AnswerScale.YesNoVeto ? [Answers.Yes, Answers.No]
        : q.AllowsNotApplicable ? ["A", "B", "C", "D", "E", Answers.NotApplicable] : ["A", "B", "C", "D", "E"];

    [Fact]
    public void The_total_is_always_between_0_and_100() =>
        AnyAnswers.Sample(a =>
        {
            var r = Scoring.Score(System, a);
            return r.Total is >= 0 and <= 100 && r.Dimensions.All(d => d.Score is null or (>= 0 and <= 100));
        });

    [Fact]
    public void Raising_one_answer_never_lowers_the_total() =>
        Gen.Select(AnyAnswers, Gen.Int[0, 39]).Sample((answers, n) =>
        {
            var q = System.AllIndicators.ElementAt(n);
            var value = answers[q.Code];
            string? raised = q.Scale == AnswerScale.YesNoVeto ? (value == Answers.Yes ? Answers.No : null)
                : Answers.IndexOf(value) is >= 0 and < 4 and var i ? Answers.Bands[i + 1] : null;
            if (raised is null) return true;
            var before = Scoring.Score(System, answers).Total;
            var after = Scoring.Score(System, new Dictionary<string, string>(answers) { [q.Code] = raised }).Total;
            return after >= before;
        });

    [Fact]
    public void An_answer_outside_the_scale_is_refused()
    {
        var q = System.Find("1.1")!;
        Assert.Equal("Diagnosis.Answer.Invalid", Answers.Check(q, "F")!.Key);
        Assert.Equal("Diagnosis.Answer.Invalid", Answers.Check(q, Answers.Yes)!.Key);
        Assert.Equal("Diagnosis.Answer.NotApplicableNotAllowed", Answers.Check(q, Answers.NotApplicable)!.Key);
        Assert.Null(Answers.Check(System.Find("3.5")!, Answers.NotApplicable));
        Assert.Equal("Diagnosis.Answer.Invalid", Answers.Check(System.Find("7.5")!, "C")!.Key);
    }
}
