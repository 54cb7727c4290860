using Excellence.Web.Data.Queries;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Features.Ranking;

/// <summary>
/// One application in the ranking: the aggregate of its submitted sheets (or the consensus), its flags and the level
/// the numbers propose. <see cref="Complete"/>: every assigned expert has submitted (only then can it be finalised).
/// <see cref="OverQuota"/>: a benchmark candidate by the numbers that the year's benchmark quota leaves out.
/// </summary>
public sealed record RankingRow(
    Guid Id, int Rank, string? ReceiptNumber, string Title, string OrganizationName, Stage Stage, int Version,
    int Assigned, bool Complete, AggregateScore Aggregate, LevelProposal Proposal, bool OverQuota,
    decimal? PreliminaryScore, Level? StoredLevel, bool StoredBenchmarkCandidate)
{
    public decimal? Score => Aggregate.Score;
    public bool BenchmarkCandidate => Proposal.BenchmarkCandidate && !OverQuota;
    public bool Finalisable => Complete && Aggregate.Experts > 0 && Stage == Stage.PreliminaryReview;
}

/// <summary>The ranking of one year and category computed in memory from <see cref="RankingQuery.World"/>.</summary>
public static class RankingBoard
{
    public static IReadOnlyList<BlockSpec> Blocks(Rubric rubric) => Aggregation.Blocks(rubric.Criteria);

    public static ExpertScore ToScore(Rubric rubric, RankingQuery.SheetRow s) =>
        new(s.ExpertId, s.Total, Aggregation.BlockPoints(rubric.Criteria, s.Scores), s.Veto is not null);

    public static AggregateScore AggregateOf(RankingQuery.World world, Guid applicationId) =>
        Aggregation.Aggregate(
            world.Sheets.Where(s => s.ApplicationId == applicationId && s.Status == ReviewStatus.Submitted).Select(s => ToScore(world.Rubric, s)).ToList(),
            Blocks(world.Rubric), AggregationRules.Of(world.Rubric), world.Consensus.FirstOrDefault(c => c.ApplicationId == applicationId));

    /// <summary>Ranked by score, highest first; applications without a submitted sheet last.</summary>
    public static IReadOnlyList<RankingRow> Rows(RankingQuery.World world)
    {
        var rubric = world.Rubric;
        var blocks = Blocks(rubric);
        var rules = AggregationRules.Of(rubric);
        var levels = LevelRules.Of(rubric);
        var sheets = world.Sheets.Where(s => s.Status == ReviewStatus.Submitted).ToLookup(s => s.ApplicationId);
        var assigned = world.Assignments.ToLookup(a => a.ApplicationId);
        var consensus = world.Consensus.ToDictionary(c => c.ApplicationId);

        var computed = world.Applications.Select(a =>
        {
            var own = sheets[a.Id].Select(s => ToScore(rubric, s)).ToList();
            var aggregate = Aggregation.Aggregate(own, blocks, rules, consensus.GetValueOrDefault(a.Id));
            var experts = assigned[a.Id].Select(x => x.ExpertId).ToHashSet();
            var complete = experts.Count > 0 && experts.All(e => sheets[a.Id].Any(s => s.ExpertId == e));
            return (App: a, Aggregate: aggregate, Proposal: Levels.Propose(levels, aggregate), Assigned: experts.Count, Complete: complete);
        })
        .OrderBy(x => x.Aggregate.Score is null).ThenByDescending(x => x.Aggregate.Score).ThenBy(x => x.App.ReceiptNumber, StringComparer.Ordinal)
        .ToList();

        var within = Levels.WithinQuota(computed.Select(x => (x.App.Id, x.Aggregate.Score ?? 0m, x.Proposal.BenchmarkCandidate, x.Proposal.Level is not null)).ToList(),
            levels.BenchmarkQuotaPercent);
        return computed.Select((x, i) => new RankingRow(x.App.Id, i + 1, x.App.ReceiptNumber, x.App.Title, x.App.OrganizationName, x.App.Stage,
                x.App.Version, x.Assigned, x.Complete, x.Aggregate, x.Proposal, x.Proposal.BenchmarkCandidate && !within.Contains(x.App.Id),
                x.App.PreliminaryScore, x.App.ProposedLevel, x.App.IsBenchmarkCandidate))
            .ToList();
    }

    /// <summary>Sorted by a key ("score", "receipt", "title", "experts", "level"; "-" first for descending). Default: the ranking.</summary>
    public static IReadOnlyList<RankingRow> Sort(IReadOnlyList<RankingRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = (descending ? sort![1..] : sort ?? "").ToLowerInvariant();
        IOrderedEnumerable<RankingRow>? ordered = key switch
        {
            "receipt" => rows.OrderBy(r => r.ReceiptNumber, StringComparer.Ordinal),
            "title" => rows.OrderBy(r => r.Title, StringComparer.Ordinal),
            "experts" => rows.OrderBy(r => r.Aggregate.Experts),
            "level" => rows.OrderBy(r => r.Proposal.Level is { } l ? (int)l : 99),
            "score" => rows.OrderBy(r => r.Rank),
            _ => null,
        };
        if (ordered is null) return rows;
        var list = ordered.ThenBy(r => r.Rank).ToList();
        if (descending) list.Reverse();
        return list;
    }

    public static IReadOnlyList<ExpertLeniency> Leniency(RankingQuery.World world) =>
        Calibration.Leniency(world.Sheets.Where(s => s.Status == ReviewStatus.Submitted)
            .Select(s => new ScoredSheet(s.ApplicationId, s.ExpertId, s.Total)).ToList());
}
