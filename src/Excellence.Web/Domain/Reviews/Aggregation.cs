namespace Excellence.Web.Domain.Reviews;

/// <summary>One submitted score sheet as the aggregation needs it: the total, the points per block, a veto.</summary>
public sealed record ExpertScore(Guid ExpertId, decimal Total, IReadOnlyDictionary<string, decimal> BlockPoints, bool Veto);

/// <summary>One block of the rubric: its code ("1".."4") and maximum points.</summary>
public sealed record BlockSpec(string Block, decimal MaxPoints);

public enum DivergenceKind { TotalFarFromMedian, BlockRange }

/// <summary>
/// Why an application is flagged for the group leader's consensus: an expert's total far from the median, or
/// the experts' range on one block too wide. <see cref="Reason"/> says it in the user's language.
/// </summary>
public sealed record Divergence(DivergenceKind Kind, Guid? ExpertId, string? Block, decimal Value, decimal Reference, decimal Limit)
{
    public Problem Reason => Kind == DivergenceKind.TotalFarFromMedian
        ? new Problem("Ranking.Flag.TotalFarFromMedian", Text(Value), Text(Reference), Text(Limit))
        : new Problem("Ranking.Flag.BlockRange", Block!, Text(Value), Text(Limit));

    private static string Text(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A block's aggregated points; <see cref="FromConsensus"/> when the consensus stated them.</summary>
public sealed record BlockScore(string Block, decimal MaxPoints, decimal Points, decimal Range, bool FromConsensus)
{
    /// <summary>Share of the block's maximum, in % rounded to 0.1.</summary>
    public decimal Percent => MaxPoints <= 0 ? 0 : Aggregation.Round1(Points * 100m / MaxPoints);
}

/// <summary>
/// The preliminary review of one application: the aggregated score (trimmed mean, or the consensus), the block
/// points for the level gates, the divergence flags and whether a veto stands. <see cref="Score"/> is null when
/// no expert has submitted.
/// </summary>
public sealed record AggregateScore(
    decimal? Score, decimal? Mean, int Experts, bool Trimmed, IReadOnlyList<BlockScore> Blocks,
    IReadOnlyList<Divergence> Divergences, bool Veto, bool HasConsensus)
{
    public bool Divergent => Divergences.Count > 0;

    public decimal BlockPercent(string block) => Blocks.FirstOrDefault(b => b.Block == block)?.Percent ?? 0m;
}

/// <summary>The thresholds of aggregation (from the year's rubric).</summary>
public sealed record AggregationRules(int TrimFrom, decimal DivergencePoints, decimal DivergenceBlockPercent)
{
    public static AggregationRules Of(Rubric r) => new(r.TrimFrom, r.DivergencePoints, r.DivergenceBlockPercent);
}

/// <summary>
/// Aggregation of the experts' scores (rubric.md "Mechanics"): the mean of the submitted totals; with
/// <see cref="AggregationRules.TrimFrom"/> or more, the highest and the lowest dropped first; rounded to 0.1 away from
/// zero. Block points the same way. A consensus (组长合议) overrides the score and the blocks it states; the
/// original scores are untouched. Pure.
/// </summary>
public static class Aggregation
{
    public static decimal Round1(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>The (unrounded) mean, dropping one highest and one lowest value when there are at least <paramref name="trimFrom"/>.</summary>
    public static decimal TrimmedMean(IReadOnlyList<decimal> values, int trimFrom)
    {
        if (values.Count == 0) throw new ArgumentException("No values to aggregate.", nameof(values));
        var sorted = values.Order().ToList();
        if (trimFrom > 2 && sorted.Count >= trimFrom) sorted = sorted.GetRange(1, sorted.Count - 2);
        return sorted.Sum() / sorted.Count;
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <summary>Points of one sheet per block: max × band % of each scored criterion.</summary>
    public static Dictionary<string, decimal> BlockPoints(IReadOnlyList<Criterion> criteria, IEnumerable<CriterionScore> scores)
    {
        var byCode = criteria.ToDictionary(c => c.Code);
        var result = criteria.Select(c => c.Block).Distinct().ToDictionary(b => b, _ => 0m);
        foreach (var s in scores)
            if (s.BandPercent is { } band && byCode.TryGetValue(s.Code, out var c))
                result[c.Block] += c.MaxPoints * band / 100m;
        return result;
    }

    public static IReadOnlyList<BlockSpec> Blocks(IReadOnlyList<Criterion> criteria) =>
        criteria.GroupBy(c => c.Block).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new BlockSpec(g.Key, g.Sum(c => c.MaxPoints))).ToList();

    /// <param name="externalVeto">A veto upheld at screening or by the group (not on a score sheet).</param>
    public static AggregateScore Aggregate(IReadOnlyList<ExpertScore> sheets, IReadOnlyList<BlockSpec> blocks, AggregationRules rules,
        Consensus? consensus = null, bool externalVeto = false)
    {
        var veto = externalVeto || sheets.Any(s => s.Veto);
        if (sheets.Count == 0)
            return new AggregateScore(consensus?.Score, null, 0, false,
                blocks.Select(b => new BlockScore(b.Block, b.MaxPoints,
                    consensus is not null && consensus.BlockPoints.TryGetValue(b.Block, out var p) ? p : 0m, 0m, consensus?.BlockPoints.ContainsKey(b.Block) == true)).ToList(),
                [], veto, consensus is not null);

        var totals = sheets.Select(s => s.Total).ToList();
        var mean = Round1(TrimmedMean(totals, rules.TrimFrom));
        var divergences = new List<Divergence>();
        var median = Median(totals);
        foreach (var s in sheets)
            if (Math.Abs(s.Total - median) > rules.DivergencePoints)
                divergences.Add(new Divergence(DivergenceKind.TotalFarFromMedian, s.ExpertId, null, s.Total, median, rules.DivergencePoints));

        var blockScores = new List<BlockScore>();
        foreach (var b in blocks)
        {
            var points = sheets.Select(s => s.BlockPoints.TryGetValue(b.Block, out var p) ? p : 0m).ToList();
            var range = points.Max() - points.Min();
            var limit = b.MaxPoints * rules.DivergenceBlockPercent / 100m;
            if (range > limit) divergences.Add(new Divergence(DivergenceKind.BlockRange, null, b.Block, range, b.MaxPoints, limit));
            var agreed = consensus is not null && consensus.BlockPoints.TryGetValue(b.Block, out var c) ? c : (decimal?)null;
            blockScores.Add(new BlockScore(b.Block, b.MaxPoints, agreed ?? Round1(TrimmedMean(points, rules.TrimFrom)), range, agreed is not null));
        }

        return new AggregateScore(consensus?.Score ?? mean, mean, sheets.Count, rules.TrimFrom > 2 && sheets.Count >= rules.TrimFrom,
            blockScores, divergences, veto, consensus is not null);
    }
}
