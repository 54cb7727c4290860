using Excellence.Web.Data;
using Excellence.Web.Data.Queries;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Ranking;

/// <summary>The secretariat's ranking of one year and category: aggregated scores, blocks, flags, proposed levels.</summary>
public static class GetRankings
{
    public sealed record Query(int Year, Category? Category, string? Sort = null);

    public sealed record Result(int Year, Category Category, Rubric Rubric, IReadOnlyList<BlockSpec> Blocks, IReadOnlyList<RankingRow> Rows)
    {
        public int Finalisable => Rows.Count(r => r.Finalisable);
    }

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Query query, CancellationToken ct = default)
        {
            var may = Permissions.CanReadRankings(actor);
            if (!may) return Outcome<Result>.Denied(may);
            if (query.Category is not { } category) return Outcome<Result>.Invalid("category", "Validation.Required");
            if (!await db.Rounds.AnyAsync(r => r.Year == query.Year, ct)) return Outcome<Result>.NotFound();
            var world = await RankingQuery.LoadAsync(db, query.Year, category, ct: ct);
            if (world is null) return Outcome<Result>.Conflict(new Problem("Ranking.NoRubric"));
            return Outcome<Result>.Ok(new Result(query.Year, category, world.Rubric, RankingBoard.Blocks(world.Rubric),
                RankingBoard.Sort(RankingBoard.Rows(world), query.Sort)));
        }
    }
}

/// <summary>Per-expert leniency (calibration) of one year and category, with the experts' names.</summary>
public static class GetCalibration
{
    public sealed record Row(Guid ExpertId, string Name, ExpertLeniency Leniency);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<IReadOnlyList<Row>>> HandleAsync(Actor actor, int year, Category? category, CancellationToken ct = default)
        {
            var may = Permissions.CanReadRankings(actor);
            if (!may) return Outcome<IReadOnlyList<Row>>.Denied(may);
            if (category is not { } c) return Outcome<IReadOnlyList<Row>>.Invalid("category", "Validation.Required");
            if (!await db.Rounds.AnyAsync(r => r.Year == year, ct)) return Outcome<IReadOnlyList<Row>>.NotFound();
            var world = await RankingQuery.LoadAsync(db, year, c, ct: ct);
            if (world is null) return Outcome<IReadOnlyList<Row>>.Conflict(new Problem("Ranking.NoRubric"));
            var leniency = RankingBoard.Leniency(world);
            var ids = leniency.Select(l => l.ExpertId).ToList();
            var names = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            return Outcome<IReadOnlyList<Row>>.Ok(leniency.Select(l => new Row(l.ExpertId, names.GetValueOrDefault(l.ExpertId, ""), l)).ToList());
        }
    }
}
