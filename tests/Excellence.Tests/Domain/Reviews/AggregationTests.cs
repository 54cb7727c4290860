using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Domain.Reviews;

/// <summary>Aggregation, divergence, consensus and level rules of spec/rubric.md, and the calibration view.</summary>
public class AggregationTests
{
    private static readonly IReadOnlyList<BlockSpec> BlocksA = [new("1", 20), new("2", 35), new("3", 30), new("4", 15)];
    private static readonly AggregationRules Rules = new(5, 15m, 30m);
    private static readonly LevelRules LevelsA = new(85m, 75m, 60m, 70m, null);

    private static ExpertScore Sheet(decimal total, decimal results = 22.5m, decimal innovation = 10.2m, decimal b1 = 17m, decimal b2 = 30m, bool veto = false) =>
        new(Guid.NewGuid(), total, new Dictionary<string, decimal> { ["1"] = b1, ["2"] = b2, ["3"] = results, ["4"] = innovation }, veto);

    [Fact]
    public void The_worked_example_drops_the_highest_and_the_lowest_and_proposes_excellent_because_the_innovation_gate_fails()
    {
        ExpertScore[] sheets = [Sheet(88), Sheet(84), Sheet(90), Sheet(79), Sheet(86)];
        var aggregate = Aggregation.Aggregate(sheets, BlocksA, Rules);
        Assert.Equal(86.0m, aggregate.Score);
        Assert.True(aggregate.Trimmed);
        Assert.Equal(5, aggregate.Experts);
        Assert.Equal(75.0m, aggregate.BlockPercent("3"));
        Assert.Equal(68.0m, aggregate.BlockPercent("4"));
        Assert.False(aggregate.Divergent);
        var level = Levels.Propose(LevelsA, aggregate);
        Assert.Equal(Level.Excellent, level.Level);
        Assert.False(level.BenchmarkCandidate);
        Assert.Equal(new[] { "4" }, level.UnmetGates);
    }

    [Fact]
    public void A_consensus_that_raises_the_innovation_block_makes_the_worked_example_a_benchmark_candidate_and_only_the_panel_makes_it_benchmark()
    {
        ExpertScore[] sheets = [Sheet(88), Sheet(84), Sheet(90), Sheet(79), Sheet(86)];
        var consensus = new Consensus { Score = 86.0m, BlockPoints = new() { ["4"] = 10.5m }, Reason = "合议" };
        var aggregate = Aggregation.Aggregate(sheets, BlocksA, Rules, consensus);
        Assert.True(aggregate.HasConsensus);
        Assert.Equal(70.0m, aggregate.BlockPercent("4"));
        Assert.True(aggregate.Blocks.Single(b => b.Block == "4").FromConsensus);
        Assert.False(aggregate.Blocks.Single(b => b.Block == "3").FromConsensus);
        var before = Levels.Propose(LevelsA, aggregate);
        Assert.Equal(Level.Excellent, before.Level);
        Assert.True(before.BenchmarkCandidate);
        Assert.Equal(Level.Benchmark, Levels.Propose(LevelsA, aggregate, panelConfirmed: true).Level);
    }

    [Fact]
    public void Fewer_than_five_experts_are_averaged_without_trimming_and_rounded_half_away_from_zero()
    {
        var aggregate = Aggregation.Aggregate([Sheet(80.1m), Sheet(80.2m), Sheet(80.0m), Sheet(80.0m)], BlocksA, Rules);
        Assert.False(aggregate.Trimmed);
        Assert.Equal(80.1m, aggregate.Score); // 80.075 → 80.1
        Assert.Equal(80.08m, Math.Round(Aggregation.TrimmedMean([80.1m, 80.2m, 80.0m, 80.0m], 5), 2));
        Assert.Equal(0.1m, Aggregation.Round1(0.05m));
        Assert.Equal(-0.1m, Aggregation.Round1(-0.05m));
    }

    [Fact]
    public void An_expert_far_from_the_median_and_a_wide_block_range_are_flagged_with_their_reasons()
    {
        var far = Sheet(50, results: 12m);
        var aggregate = Aggregation.Aggregate([Sheet(70), Sheet(72), far], BlocksA, Rules);
        var total = Assert.Single(aggregate.Divergences, d => d.Kind == DivergenceKind.TotalFarFromMedian);
        Assert.Equal(far.ExpertId, total.ExpertId);
        Assert.Equal("Ranking.Flag.TotalFarFromMedian", total.Reason.Key);
        Assert.Equal(new object[] { "50", "70", "15" }, total.Reason.Args);
        var block = Assert.Single(aggregate.Divergences, d => d.Kind == DivergenceKind.BlockRange);
        Assert.Equal("3", block.Block);
        Assert.Equal(10.5m, block.Value); // 22.5 − 12 > 30 % of 30 = 9
        Assert.Equal(9m, block.Limit);
        // Exactly at the limits is not flagged.
        Assert.False(Aggregation.Aggregate([Sheet(70), Sheet(85), Sheet(70, results: 13.5m)], BlocksA, Rules).Divergent);
    }

    [Fact]
    public void Any_veto_makes_the_application_not_recognised_whatever_its_score()
    {
        var aggregate = Aggregation.Aggregate([Sheet(95, results: 28, innovation: 14), Sheet(95, results: 28, innovation: 14, veto: true), Sheet(95, results: 28, innovation: 14)], BlocksA, Rules);
        Assert.True(aggregate.Veto);
        Assert.Equal(95.0m, aggregate.Score);
        Assert.Null(Levels.Propose(LevelsA, aggregate).Level);
        Assert.Null(Levels.Propose(LevelsA, Aggregation.Aggregate([Sheet(95, results: 28, innovation: 14)], BlocksA, Rules, externalVeto: true)).Level);
    }

    [Theory]
    [InlineData(59.9, null)]
    [InlineData(60.0, Level.Advancing)]
    [InlineData(74.9, Level.Advancing)]
    [InlineData(75.0, Level.Excellent)]
    [InlineData(84.9, Level.Excellent)]
    [InlineData(85.0, Level.Excellent)]
    public void Level_thresholds_follow_the_rubric(double score, Level? expected) =>
        Assert.Equal(expected, Levels.Propose(LevelsA, (decimal)score, 80m, 80m, veto: false).Level);

    [Fact]
    public void The_benchmark_quota_keeps_the_highest_candidates_within_the_share_of_recognised_applications()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var ranked = new List<(Guid, decimal, bool, bool)>
        {
            (ids[0], 90m, true, true), (ids[1], 92m, true, true), (ids[2], 88m, true, true), (ids[3], 70m, false, true), (ids[4], 50m, false, false),
        };
        Assert.Equal(new[] { ids[1] }, Levels.WithinQuota(ranked, 25m)); // 4 recognised × 25 % = 1 place
        Assert.Equal(3, Levels.WithinQuota(ranked, null).Count);
        Assert.Empty(Levels.WithinQuota(ranked, 10m));
    }

    [Fact]
    public void Calibration_shows_a_lenient_expert_above_its_peers()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var apps = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var sheets = apps.SelectMany((app, i) => new[]
        {
            new ScoredSheet(app, a, 90 - i), new ScoredSheet(app, b, 75 - i), new ScoredSheet(app, c, 74 - i),
        }).ToList();
        var leniency = Calibration.Leniency(sheets);
        var lenient = leniency[0];
        Assert.Equal(a, lenient.ExpertId);
        Assert.Equal(4, lenient.Sheets);
        Assert.Equal(15.5m, lenient.MeanDeviation);
        Assert.Equal(1, lenient.Tendency);
        Assert.True(leniency.Single(l => l.ExpertId == c).MeanPeerZ < 0);
    }

    private static readonly Gen<decimal> Total = Gen.Int[0, 1000].Select(i => i / 10m);

    [Fact]
    public void Property_the_trimmed_mean_lies_within_the_lowest_and_the_highest_total() =>
        Gen.Select(Total.Array[1, 9], Gen.Int[3, 6]).Sample((totals, trimFrom) =>
        {
            var mean = Aggregation.TrimmedMean(totals, trimFrom);
            return mean >= totals.Min() && mean <= totals.Max();
        });

    [Fact]
    public void Property_the_aggregate_does_not_depend_on_the_order_of_the_sheets() =>
        Gen.Select(Total.Array[1, 9], Gen.Int).Sample((totals, seed) =>
        {
            var sheets = totals.Select(t => Sheet(t, results: t * 0.3m, innovation: t * 0.15m)).ToList();
            var random = new Random(seed);
            var shuffled = sheets.OrderBy(_ => random.Next()).ToList();
            var x = Aggregation.Aggregate(sheets, BlocksA, Rules);
            var y = Aggregation.Aggregate(shuffled, BlocksA, Rules);
            return x.Score == y.Score && x.Blocks.Select(b => b.Points).SequenceEqual(y.Blocks.Select(b => b.Points)) && x.Divergences.Count == y.Divergences.Count;
        });

    [Fact]
    public void Property_a_consensus_overrides_the_mean_and_the_blocks_it_states() =>
        Gen.Select(Total.Array[1, 9], Total, Gen.Int[0, 150].Select(i => i / 10m)).Sample((totals, agreed, innovation) =>
        {
            var consensus = new Consensus { Score = agreed, BlockPoints = new() { ["4"] = innovation } };
            var x = Aggregation.Aggregate(totals.Select(t => Sheet(t)).ToList(), BlocksA, Rules, consensus);
            return x.Score == agreed && x.Blocks.Single(b => b.Block == "4").Points == innovation && x.Mean == Aggregation.Round1(Aggregation.TrimmedMean(totals, 5));
        });

    [Fact]
    public void Property_the_level_never_falls_as_the_score_rises() =>
        Gen.Select(Total, Total, Gen.Int[0, 100], Gen.Int[0, 100]).Sample((s1, s2, results, innovation) =>
        {
            static int Rank(LevelProposal p) => p.Level switch { null => 0, Level.Advancing => 1, Level.Excellent => 2, _ => 3 };
            var (low, high) = s1 <= s2 ? (s1, s2) : (s2, s1);
            return Rank(Levels.Propose(LevelsA, low, results, innovation, false, panelConfirmed: true))
                   <= Rank(Levels.Propose(LevelsA, high, results, innovation, false, panelConfirmed: true));
        });
}
