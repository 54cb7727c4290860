using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>
/// Secretariat analytics over every submitted diagnosis, from the stored results only (grouped in the
/// database, never re-scored): counts per month (Shanghai), level distributions by industry, district
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

            var submitted = db.Diagnoses.AsNoTracking().Where(d => d.Status == DiagnosisStatus.Submitted);
            // Grouped in the database; Shanghai keeps UTC+8 all year, so its month is the month of the instant + 8 h.
            var months = await submitted
                .Select(d => d.SubmittedAt!.Value.AddHours(8))
                .GroupBy(t => new { t.Year, t.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct);
            var byIndustry = await submitted.GroupBy(d => new { d.Industry, d.Level }).Select(g => new { g.Key.Industry, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
            var byScale = await submitted.GroupBy(d => new { d.Scale, d.Level }).Select(g => new { g.Key.Scale, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
            var byDistrict = await submitted.GroupBy(d => new { d.District, d.Level }).Select(g => new { g.Key.District, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
            var averages = await db.DiagnosisDimensionScores.AsNoTracking()
                .Where(s => s.Score != null)
                .GroupBy(s => s.Code)
                .Select(g => new { Code = g.Key, Average = g.Average(s => s.Score!.Value) })
                .ToListAsync(ct);
            var system = (await DiagnosisQueries.CurrentSystem(db, ct))?.Definition;
            var levels = system?.Levels.Select(l => l.Code).ToList() ?? byIndustry.Select(r => r.Level ?? "").Distinct().Order().ToList();
            var order = system?.Dimensions.Select(d => d.Code).ToList() ?? [];

            static List<Distribution> Group(IEnumerable<(string Key, string? Level, int Count)> items) =>
                items.GroupBy(i => i.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Distribution(g.Key, g.ToDictionary(x => x.Level ?? "", x => x.Count), g.Sum(x => x.Count)))
                    .ToList();

            var perMonth = months.OrderBy(m => m.Year).ThenBy(m => m.Month).Select(m => ($"{m.Year:D4}-{m.Month:D2}", m.Count)).ToList();
            return Outcome<Result>.Ok(new Result(perMonth.Sum(m => m.Item2), perMonth, levels,
                Group(byIndustry.Select(r => (r.Industry?.ToString() ?? "", r.Level, r.Count))),
                Group(byDistrict.Select(r => (r.District ?? "", r.Level, r.Count))),
                Group(byScale.Select(r => (r.Scale?.ToString() ?? "", r.Level, r.Count))),
                averages.OrderBy(a => order.IndexOf(a.Code) is var i && i < 0 ? int.MaxValue : i).Select(a => (a.Code, Math.Round(a.Average, 1))).ToList(),
                system));
        }
    }
}
