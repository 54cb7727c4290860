using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>
/// Secretariat analytics over every submitted diagnosis, from the stored results only (a narrow
/// projection, never re-scored): counts per month (Shanghai), level distributions by industry, district
/// and scale, and dimension averages.
/// </summary>
public static class DiagnosisAnalytics
{
    public sealed record Distribution(string Group, IReadOnlyDictionary<string, int> Levels, int Total);

    public sealed record Result(
        int Count, IReadOnlyList<(string Month, int Count)> PerMonth, IReadOnlyList<string> Levels,
        IReadOnlyList<Distribution> ByIndustry, IReadOnlyList<Distribution> ByDistrict, IReadOnlyList<Distribution> ByScale,
        IReadOnlyList<(string Code, double Average)> DimensionAverages, IndicatorDefinition? System);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<Result>> Handle(Actor actor, CancellationToken ct = default)
        {
            var decision = Permissions.CanManageIndicatorSystems(actor);
            if (!decision) return Outcome<Result>.Denied(decision);

            var rows = await db.Diagnoses.AsNoTracking().Where(d => d.Status == DiagnosisStatus.Submitted)
                .Select(d => new { d.SubmittedAt, d.Level, d.Industry, d.Scale, d.District })
                .ToListAsync(ct);
            var averages = await db.DiagnosisDimensionScores.AsNoTracking()
                .Where(s => s.Score != null)
                .GroupBy(s => s.Code)
                .Select(g => new { Code = g.Key, Average = g.Average(s => s.Score!.Value) })
                .ToListAsync(ct);
            var system = (await DiagnosisQueries.CurrentSystem(db, ct))?.Definition;
            var levels = system?.Levels.Select(l => l.Code).ToList() ?? rows.Select(r => r.Level!).Distinct().Order().ToList();
            var order = system?.Dimensions.Select(d => d.Code).ToList() ?? [];

            static List<Distribution> Group(IEnumerable<(string? Level, string Key)> items) =>
                items.GroupBy(i => i.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Distribution(g.Key, g.GroupBy(i => i.Level ?? "").ToDictionary(x => x.Key, x => x.Count()), g.Count()))
                    .ToList();

            var perMonth = rows.GroupBy(r => Shanghai.ToLocal(r.SubmittedAt!.Value).ToString("yyyy-MM"))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
            return Outcome<Result>.Ok(new Result(rows.Count, perMonth, levels,
                Group(rows.Select(r => (r.Level, r.Industry?.ToString() ?? ""))),
                Group(rows.Select(r => (r.Level, r.District ?? ""))),
                Group(rows.Select(r => (r.Level, r.Scale?.ToString() ?? ""))),
                averages.OrderBy(a => order.IndexOf(a.Code) is var i && i < 0 ? int.MaxValue : i).Select(a => (a.Code, Math.Round(a.Average, 1))).ToList(),
                system));
        }
    }
}
