namespace Excellence.Web.Domain.Reviews;

/// <summary>One submitted total of an expert on an application.</summary>
public sealed record ScoredSheet(Guid ApplicationId, Guid ExpertId, decimal Total);

/// <summary>
/// How lenient (positive) or strict (negative) an expert scores, over its submitted sheets in one year and category.
/// <see cref="MeanPeerZ"/>: the mean of (its total − the mean of the application's other experts) ÷ the category's
/// standard deviation; <see cref="MeanCategoryZ"/>: the mean z-score of its totals against the category mean;
/// <see cref="MeanDeviation"/>: the mean difference in points from the other experts on the same application.
/// </summary>
public sealed record ExpertLeniency(Guid ExpertId, int Sheets, decimal MeanTotal, decimal MeanDeviation, decimal MeanPeerZ, decimal MeanCategoryZ)
{
    /// <summary>Lenient (+1), strict (−1) or neither (0), when the mean peer z reaches <see cref="Calibration.NotableZ"/>.</summary>
    public int Tendency => MeanPeerZ >= Calibration.NotableZ ? 1 : MeanPeerZ <= -Calibration.NotableZ ? -1 : 0;
}

/// <summary>The standardised per-expert view of rubric.md ("keep a per-expert z-score view for calibration"). Pure.</summary>
public static class Calibration
{
    /// <summary>A mean peer z this far from 0 is shown as lenient / strict.</summary>
    public const decimal NotableZ = 1.0m;

    public static (decimal Mean, decimal StandardDeviation) MeanAndDeviation(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) return (0m, 0m);
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, (decimal)Math.Sqrt((double)variance));
    }

    public static IReadOnlyList<ExpertLeniency> Leniency(IReadOnlyList<ScoredSheet> sheets)
    {
        var (categoryMean, sd) = MeanAndDeviation(sheets.Select(s => s.Total).ToList());
        var byApplication = sheets.GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<ExpertLeniency>();
        foreach (var expert in sheets.GroupBy(s => s.ExpertId))
        {
            var deviations = new List<decimal>();
            foreach (var s in expert)
            {
                var others = byApplication[s.ApplicationId].Where(o => o.ExpertId != s.ExpertId).ToList();
                if (others.Count > 0) deviations.Add(s.Total - others.Average(o => o.Total));
            }
            var meanDeviation = deviations.Count == 0 ? 0m : deviations.Average();
            var peerZ = sd == 0 ? 0m : meanDeviation / sd;
            var categoryZ = sd == 0 ? 0m : expert.Average(s => (s.Total - categoryMean) / sd);
            result.Add(new ExpertLeniency(expert.Key, expert.Count(), Round2(expert.Average(s => s.Total)), Round2(meanDeviation),
                Round2(peerZ), Round2(categoryZ)));
        }
        return result.OrderByDescending(r => r.MeanPeerZ).ThenBy(r => r.ExpertId).ToList();
    }

    private static decimal Round2(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
