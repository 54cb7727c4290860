using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.SiteVisits;

namespace Excellence.Tests.Domain;

public class PanelRulesTests
{
    private static readonly DateTime Now = new(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ApplicantTies Ties = new("上海甲公司", "91310115MA1FL3PQ7A", "上海某集团（有限）公司", null, true);

    private static Expert ExpertAt(string org, string? group = null) => new() { Name = "专家", OrganizationName = org, GroupName = group };

    [Fact]
    public void A_member_working_at_the_applicant_is_recused_automatically_and_others_are_not()
    {
        var conflicted = ExpertAt("上海甲公司");
        var clean = ExpertAt("同济大学");
        var item = new PanelItem { ApplicationId = Guid.NewGuid() };
        var conflicts = PanelRules.ConflictsOf([conflicted, clean], Ties, item.ApplicationId, [], 2026, 3);
        var added = PanelRules.Recuse(item, conflicts, Now);
        Assert.Single(added);
        Assert.True(item.IsRecused(conflicted.Id));
        Assert.False(item.IsRecused(clean.Id));
        Assert.True(added[0].Automatic);
        Assert.Equal("SameOrganization", added[0].Reason);
    }

    [Fact]
    public void A_declared_conflict_recuses_even_without_a_detected_tie_and_recusing_twice_adds_nothing()
    {
        var expert = ExpertAt("复旦大学");
        var item = new PanelItem { ApplicationId = Guid.NewGuid() };
        var declared = new Conflict { ExpertId = expert.Id, ApplicationId = item.ApplicationId, Reason = "曾担任顾问" };
        var other = new Conflict { ExpertId = expert.Id, ApplicationId = Guid.NewGuid(), Reason = "另一项" };
        var conflicts = PanelRules.ConflictsOf([expert], Ties, item.ApplicationId, [declared, other], 2026, 3);
        Assert.Equal([ConflictKind.Declared], conflicts.Single().Kinds);
        Assert.Single(PanelRules.Recuse(item, conflicts, Now));
        Assert.Empty(PanelRules.Recuse(item, conflicts, Now));
        Assert.Single(item.Recusals);
    }

    [Fact]
    public void A_member_of_the_recommending_group_company_conflicts()
    {
        var expert = ExpertAt("某子公司", group: "上海某集团(有限)公司");
        var conflicts = PanelRules.ConflictsOf([expert], Ties, Guid.NewGuid(), [], 2026, 3);
        Assert.Contains(ConflictKind.SameGroup, conflicts.Single().Kinds);
    }

    [Fact]
    public void The_vote_summary_counts_levels_averages_scores_to_one_decimal_and_names_the_majority()
    {
        var votes = new[]
        {
            new PanelVote { Score = 88.5m, Level = PanelLevel.Benchmark },
            new PanelVote { Score = 90m, Level = PanelLevel.Benchmark },
            new PanelVote { Score = 80.1m, Level = PanelLevel.Excellent },
            new PanelVote { Level = PanelLevel.Benchmark },
        };
        var s = PanelRules.Summarise(votes);
        Assert.Equal(4, s.Votes);
        Assert.Equal(3, s.Scores);
        Assert.Equal(86.2m, s.MeanScore);
        Assert.Equal(80.1m, s.MinScore);
        Assert.Equal(90m, s.MaxScore);
        Assert.Equal(3, s.Levels[PanelLevel.Benchmark]);
        Assert.Equal(1, s.Levels[PanelLevel.Excellent]);
        Assert.Equal(PanelLevel.Benchmark, s.Majority);
    }

    [Fact]
    public void A_tie_between_levels_has_no_majority_and_no_votes_has_no_mean()
    {
        var tie = PanelRules.Summarise([new PanelVote { Level = PanelLevel.Benchmark }, new PanelVote { Level = PanelLevel.Excellent }]);
        Assert.Null(tie.Majority);
        var none = PanelRules.Summarise([]);
        Assert.Equal(0, none.Votes);
        Assert.Null(none.MeanScore);
        Assert.Null(none.Majority);
    }

    [Fact]
    public void The_mean_score_always_lies_between_the_lowest_and_highest_score()
    {
        Gen.Int[0, 1000].Array[1, 9].Sample(tenths =>
        {
            var scores = tenths.Select(i => i / 10m).ToArray();
            var s = PanelRules.Summarise(scores.Select(x => new PanelVote { Score = x }));
            return s.MeanScore >= s.MinScore && s.MeanScore <= s.MaxScore && s.Scores == scores.Length;
        });
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("85.5", true)]
    [InlineData("85.55", false)]
    [InlineData("100.1", false)]
    [InlineData("-1", false)]
    public void A_panel_score_is_between_0_and_100_with_one_decimal(string score, bool valid) =>
        Assert.Equal(valid, PanelRules.ValidScore(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_site_visit_outcome_decides_the_level_to_propose()
    {
        Assert.Equal(PanelLevel.Benchmark, SiteVisitRules.Decide(SiteVisitOutcome.Confirmed, null, null, Level.Benchmark).Level);
        Assert.Equal(PanelLevel.NotRecognised, SiteVisitRules.Decide(SiteVisitOutcome.NotConfirmed, "数据不实", null, Level.Benchmark).Level);
        var adjusted = SiteVisitRules.Decide(SiteVisitOutcome.LevelAdjusted, "成效未达标杆", PanelLevel.Excellent, Level.Benchmark);
        Assert.Equal(PanelLevel.Excellent, adjusted.Level);
        Assert.Empty(adjusted.Problems);
        var missing = SiteVisitRules.Decide(SiteVisitOutcome.LevelAdjusted, "", null, Level.Benchmark);
        Assert.Equal(["reason", "level"], missing.Problems.Select(p => p.Field));
    }
}
