using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features;
using Excellence.Web.Features.Ranking;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>
/// The preliminary review's outcome: rankings and calibration of a year and category, finalising it, the score
/// export (secretariat); the group leader's consensus (组长合议) on one application (expert).
/// </summary>
public sealed class RankingEndpoints : IApiEndpoints
{
    public sealed record FinalizeRequest(Category? Category, IReadOnlyList<Guid>? BenchmarkCandidates);
    public sealed record ConsensusRequest(decimal? Score, Dictionary<string, decimal?>? BlockPoints, string? Reason, int? Version);

    public sealed record BlockItem(string Block, decimal MaxPoints, decimal Points, decimal Percent, decimal Range, bool FromConsensus);
    public sealed record FlagItem(string Kind, Guid? ExpertId, string? Block, decimal Value, decimal Limit, string Message);
    public sealed record RankingItem(
        Guid Id, int Rank, string? ReceiptNumber, string Title, string Organization, Stage Stage, decimal? Score, decimal? Mean,
        int Experts, int Assigned, bool Complete, IReadOnlyList<BlockItem> Blocks, bool Divergent, bool Veto, bool Consensus,
        IReadOnlyList<FlagItem> Flags, Level? ProposedLevel, bool BenchmarkCandidate, bool OverQuota, IReadOnlyList<string> UnmetGates);
    public sealed record CalibrationItem(Guid ExpertId, string Name, int Sheets, decimal MeanTotal, decimal MeanDeviation, decimal MeanPeerZ,
        decimal MeanCategoryZ, int Tendency);

    public void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Rankings");
        rounds.MapGet("/{year:int}/rankings", Rankings).RequireAuthorization(Policies.Secretariat)
            .WithSummary("The preliminary review's ranking of a category: score, blocks, flags, proposed level, benchmark candidates (list page; sort=score|receipt|title|experts|level, '-' for descending)");
        rounds.MapGet("/{year:int}/calibration", CalibrationList).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Per-expert leniency of a category: mean deviation from the other experts and z-scores");
        rounds.MapPost("/{year:int}/rankings/finalize", FinalizeRanking).RequireAuthorization(Policies.Secretariat)
            .WithSummary("确定初审结果: { category, benchmarkCandidates? } — keep score and proposed level, move candidates to the panel review and the rest to Proposed");
        rounds.MapGet("/{year:int}/scores.xlsx", Export).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Every submitted score and comment of a category (one row per sheet × criterion) and a summary sheet");
        api.MapGroup("/applications").WithTags("Rankings")
            .MapPost("/{id:guid}/consensus", Consensus).RequireAuthorization(Policies.Expert)
            .WithSummary("The group leader's consensus: { score, blockPoints?, reason, version? } (version, or If-Match, to revise one)");
    }

    private static async Task<IResult> Rankings(int year, Category? category, string? sort, int? page, int? pageSize, HttpContext http,
        GetRankings.Handler handler, StringCatalog catalog)
    {
        var outcome = await handler.HandleAsync(http.RequiredActor(), new GetRankings.Query(year, category, sort), http.RequestAborted);
        return outcome.ToResult(http, result =>
        {
            var (p, size) = ApiResults.Paging(page, pageSize);
            var items = result.Rows.Skip((p - 1) * size).Take(size).Select(r => Item(r, catalog)).ToList();
            return Results.Ok(new ListPage<RankingItem>(items, result.Rows.Count, p, size));
        });
    }

    internal static RankingItem Item(RankingRow r, StringCatalog catalog) => new(
        r.Id, r.Rank, r.ReceiptNumber, r.Title, r.OrganizationName, r.Stage, r.Score, r.Aggregate.Mean, r.Aggregate.Experts, r.Assigned, r.Complete,
        r.Aggregate.Blocks.Select(b => new BlockItem(b.Block, b.MaxPoints, b.Points, b.Percent, b.Range, b.FromConsensus)).ToList(),
        r.Aggregate.Divergent, r.Aggregate.Veto, r.Aggregate.HasConsensus,
        r.Aggregate.Divergences.Select(d => new FlagItem(d.Kind.ToString(), d.ExpertId, d.Block, d.Value, d.Limit,
            catalog.Text(d.Reason, CultureInfo.CurrentUICulture))).ToList(),
        r.Proposal.Level, r.BenchmarkCandidate, r.OverQuota, r.Proposal.UnmetGates);

    private static async Task<IResult> CalibrationList(int year, Category? category, HttpContext http, GetCalibration.Handler handler)
    {
        var outcome = await handler.HandleAsync(http.RequiredActor(), year, category, http.RequestAborted);
        return outcome.ToResult(http, rows => Results.Ok(new ListPage<CalibrationItem>(rows.Select(r => new CalibrationItem(r.ExpertId, r.Name,
            r.Leniency.Sheets, r.Leniency.MeanTotal, r.Leniency.MeanDeviation, r.Leniency.MeanPeerZ, r.Leniency.MeanCategoryZ, r.Leniency.Tendency)).ToList(),
            rows.Count, 1, Math.Max(1, rows.Count))));
    }

    private static async Task<IResult> FinalizeRanking(int year, FinalizeRequest request, HttpContext http, FinalizeRankings.Handler handler)
    {
        var outcome = await handler.HandleAsync(http.RequiredActor(), new FinalizeRankings.Command(year, request.Category, request.BenchmarkCandidates),
            http.RequestAborted);
        return outcome.ToResult(http);
    }

    private static async Task<IResult> Export(int year, Category? category, HttpContext http, ExportScores.Handler handler)
    {
        var outcome = await handler.HandleAsync(http.RequiredActor(), year, category, CultureInfo.CurrentUICulture, http.RequestAborted);
        return outcome.ToResult(http, bytes => Results.File(bytes, ExportScores.ContentType, $"scores-{year}-{category}.xlsx"));
    }

    private static async Task<IResult> Consensus(Guid id, ConsensusRequest request, HttpContext http, RecordConsensus.Handler handler)
    {
        var version = ETags.IfMatch(http) ?? request.Version;
        var outcome = await handler.HandleAsync(http.RequiredActor(),
            new RecordConsensus.Command(id, request.Score, request.BlockPoints, request.Reason, version), http.RequestAborted);
        if (outcome.Kind == OutcomeKind.Conflict && outcome.Reason?.Key == "Ranking.Consensus.VersionRequired") return ETags.PreconditionRequired(http);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }
}
