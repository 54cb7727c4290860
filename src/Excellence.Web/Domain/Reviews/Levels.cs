namespace Excellence.Web.Domain.Reviews;

/// <summary>The level thresholds of a year's rubric.</summary>
public sealed record LevelRules(decimal BenchmarkMin, decimal ExcellentMin, decimal AdvancingMin, decimal BenchmarkBlockGatePercent,
    decimal? BenchmarkQuotaPercent)
{
    public static LevelRules Of(Rubric r) => new(r.BenchmarkMin, r.ExcellentMin, r.AdvancingMin, r.BenchmarkBlockGatePercent, r.BenchmarkQuotaPercent);

    /// <summary>The results block (3) and the innovation block (4) carry the benchmark gates.</summary>
    public const string ResultsBlock = "3";
    public const string InnovationBlock = "4";
}

/// <summary>
/// The level an aggregated score proposes. <see cref="Level"/> null: not recognised (不予认定).
/// <see cref="BenchmarkCandidate"/>: every benchmark condition the numbers can check holds, so the application goes
/// to the panel review (专家会审); until the panel confirms, its proposed level is Excellent.
/// <see cref="UnmetGates"/> names the benchmark conditions that failed for a score at or above the benchmark minimum.
/// </summary>
public sealed record LevelProposal(Level? Level, bool BenchmarkCandidate, IReadOnlyList<string> UnmetGates);

/// <summary>The level rules of rubric.md ("Levels"). Pure.</summary>
public static class Levels
{
    /// <param name="panelConfirmed">The panel review confirmed the benchmark level (only then is it Benchmark).</param>
    public static LevelProposal Propose(LevelRules rules, decimal? score, decimal resultsPercent, decimal innovationPercent, bool veto,
        bool panelConfirmed = false)
    {
        if (veto || score is not { } s || s < rules.AdvancingMin) return new LevelProposal(null, false, []);
        if (s < rules.ExcellentMin) return new LevelProposal(Level.Advancing, false, []);
        if (s < rules.BenchmarkMin) return new LevelProposal(Level.Excellent, false, []);
        var unmet = new List<string>();
        if (resultsPercent < rules.BenchmarkBlockGatePercent) unmet.Add(LevelRules.ResultsBlock);
        if (innovationPercent < rules.BenchmarkBlockGatePercent) unmet.Add(LevelRules.InnovationBlock);
        if (unmet.Count > 0) return new LevelProposal(Level.Excellent, false, unmet);
        return panelConfirmed ? new LevelProposal(Level.Benchmark, true, []) : new LevelProposal(Level.Excellent, true, []);
    }

    public static LevelProposal Propose(LevelRules rules, AggregateScore aggregate, bool panelConfirmed = false) =>
        Propose(rules, aggregate.Score, aggregate.BlockPercent(LevelRules.ResultsBlock), aggregate.BlockPercent(LevelRules.InnovationBlock),
            aggregate.Veto, panelConfirmed);

    /// <summary>
    /// The optional quota on Benchmark: at most <paramref name="quotaPercent"/> % of the recognised applications
    /// (rounded down), highest score first (ties by the given order). Returns the ids that keep the benchmark place.
    /// </summary>
    public static IReadOnlySet<Guid> WithinQuota(IReadOnlyList<(Guid Id, decimal Score, bool Benchmark, bool Recognised)> ranked, decimal? quotaPercent)
    {
        var candidates = ranked.Where(r => r.Benchmark).ToList();
        if (quotaPercent is not { } q) return candidates.Select(c => c.Id).ToHashSet();
        var recognised = ranked.Count(r => r.Recognised);
        var places = (int)Math.Floor(recognised * q / 100m);
        return candidates.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.i).Take(places).Select(x => x.c.Id).ToHashSet();
    }
}
