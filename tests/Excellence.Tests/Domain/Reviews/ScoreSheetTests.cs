using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Domain.Reviews;

/// <summary>The rubric defaults and the arithmetic of a score sheet (rubric.md).</summary>
public class ScoreSheetTests
{
    private static Rubric Default(Category c = Category.OrganizationModel) => DefaultRubrics.Create(Guid.NewGuid(), 2026, c);

    [Theory]
    [InlineData(Category.OrganizationModel, 15, "20,35,30,15")]
    [InlineData(Category.SinglePractice, 12, "15,35,30,20")]
    [InlineData(Category.IndividualExperience, 11, "15,35,30,20")]
    public void The_default_rubrics_are_the_tables_of_the_spec_summing_to_100(Category category, int count, string blocks)
    {
        var r = Default(category);
        Assert.Equal(count, r.Criteria.Count);
        Assert.Equal(100m, r.Criteria.Sum(c => c.MaxPoints));
        Assert.Equal(blocks, string.Join(",", r.Criteria.GroupBy(c => c.Block).OrderBy(g => g.Key).Select(g => g.Sum(c => c.MaxPoints).ToString("0"))));
        Assert.All(r.Criteria, c => Assert.Equal(c.Block == "3" ? CriterionKind.Results : CriterionKind.Process, c.Kind));
        Assert.All(r.Criteria, c => Assert.False(string.IsNullOrEmpty(c.NameEn) || string.IsNullOrEmpty(c.BlockNameEn)));
        Assert.Empty(RubricRules.Validate(r));
        Assert.Equal((3, 5, 15m, 30m, 85m, 75m, 60m, 70m), (r.ExpertsPerApplication, r.TrimFrom, r.DivergencePoints, r.DivergenceBlockPercent,
            r.BenchmarkMin, r.ExcellentMin, r.AdvancingMin, r.BenchmarkBlockGatePercent));
    }

    [Fact]
    public void The_organisation_rubric_starts_with_background_and_ends_with_replicability()
    {
        var r = Default();
        Assert.Equal(("1.1", "背景与必要性", 6m, "组织方向"), (r.Criteria[0].Code, r.Criteria[0].Name, r.Criteria[0].MaxPoints, r.Criteria[0].BlockName));
        Assert.Equal(("4.3", "可复制可推广性", 5m, "创新与示范"), (r.Criteria[^1].Code, r.Criteria[^1].Name, r.Criteria[^1].MaxPoints, r.Criteria[^1].BlockName));
    }

    [Fact]
    public void Points_are_max_times_band_and_the_total_is_rounded_to_a_tenth_away_from_zero()
    {
        var r = Default();
        Assert.Equal(2.25m, ScoreSheet.Points(5, 45));
        // 1.1 (6) × 5 % = 0.3; 2.5 (5) × 45 % = 2.25; 4.2 (4) × 15 % = 0.6 → 3.15 → 3.2
        var total = ScoreSheet.Total(r.Criteria, [new("1.1", 5, null), new("2.5", 45, null), new("4.2", 15, null), new("3.1", null, "未评")]);
        Assert.Equal(3.2m, total);
        Assert.Equal(100m, ScoreSheet.Total(r.Criteria, r.Criteria.Select(c => new CriterionScore(c.Code, 100, null))));
        Assert.Equal(0m, ScoreSheet.Total(r.Criteria, []));
    }

    [Fact]
    public void Block_points_add_up_per_block()
    {
        var r = Default();
        var blocks = ScoreSheet.BlockPoints(r.Criteria, r.Criteria.Select(c => new CriterionScore(c.Code, 50, null)).ToList());
        Assert.Equal(10m, blocks["1"]);
        Assert.Equal(7.5m, blocks["4"]);
    }

    [Fact]
    public void Any_sheet_on_the_grid_totals_between_0_and_100_and_equals_the_sum_of_its_points()
    {
        var r = Default(Category.SinglePractice);
        Gen.Int[0, 20].Select(i => i * 5).Array[r.Criteria.Count].Sample(bands =>
        {
            var scores = r.Criteria.Select((c, i) => new CriterionScore(c.Code, bands[i], null)).ToList();
            var total = ScoreSheet.Total(r.Criteria, scores);
            Assert.InRange(total, 0m, 100m);
            Assert.Equal(Math.Round(r.Criteria.Select((c, i) => c.MaxPoints * bands[i] / 100m).Sum(), 1, MidpointRounding.AwayFromZero), total);
            Assert.Empty(ScoreSheet.Normalize(r.Criteria, new ScoreSheet.Input(scores, "", "", null, null)).Problems);
        });
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(7)]
    [InlineData(105)]
    [InlineData(52)]
    public void A_band_off_the_5_percent_grid_is_a_problem_of_that_criterion(int band)
    {
        var r = Default();
        var (_, problems) = ScoreSheet.Normalize(r.Criteria, new ScoreSheet.Input([new("2.1", band, null)], null, null, null, null));
        var p = Assert.Single(problems);
        Assert.Equal(("scores[2.1].bandPercent", "Review.BandStep"), (p.Field, p.Problem.Key));
    }

    [Fact]
    public void Every_step_falls_in_exactly_one_band()
    {
        Assert.Equal(21, Bands.Steps.Count);
        Assert.All(Bands.Steps, s => Assert.Single(Bands.All, b => b.Contains(s)));
        Assert.Equal("Good", Bands.Of(55).Key);
        Assert.Equal("Band.Good.Results", Bands.Of(55).DescriptorKey(CriterionKind.Results));
    }

    [Fact]
    public void A_submission_lacks_nothing_only_when_every_criterion_is_scored_and_both_feedback_fields_are_written()
    {
        var r = Default();
        var all = r.Criteria.Select(c => new CriterionScore(c.Code, 60, null)).ToList();
        Assert.Empty(ScoreSheet.Incomplete(r.Criteria, all, "优势", "改进", null, null));
        var missing = ScoreSheet.Incomplete(r.Criteria, all.Skip(1).ToList(), " ", "", VetoReason.MajorIncident, "");
        Assert.Equal(["scores[1.1].bandPercent", "strengths", "opportunities", "vetoNote"], missing.Select(m => m.Field));
    }

    [Fact]
    public void A_rubric_whose_maxima_do_not_sum_to_100_is_refused()
    {
        var r = Default();
        r.Criteria[0].MaxPoints = 7;
        var p = Assert.Single(RubricRules.Validate(r));
        Assert.Equal("Rubric.SumNot100", p.Problem.Key);
        Assert.Equal(101m, p.Problem.Args[0]);
    }

    [Fact]
    public void An_expert_sees_others_scores_only_after_submitting_and_only_within_its_group()
    {
        var submitted = new Review { Status = ReviewStatus.Submitted };
        Assert.True(Permissions.MaySeeOtherScores(submitted, sameGroup: true));
        Assert.False(Permissions.MaySeeOtherScores(submitted, sameGroup: false));
        Assert.False(Permissions.MaySeeOtherScores(new Review { Status = ReviewStatus.Draft }, sameGroup: true));
        Assert.False(Permissions.MaySeeOtherScores(null, sameGroup: true));
    }
}
