using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Data.Queries;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Ranking;

/// <summary>
/// Every submitted score and comment of one year and category as Excel: a sheet with one row per sheet × criterion
/// (with the sheet's strengths, opportunities and veto), and a summary sheet of the ranking.
/// </summary>
public static class ExportScores
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class Handler(AppDb db, GetRankings.Handler rankings, StringCatalog catalog)
    {
        public async Task<Outcome<byte[]>> HandleAsync(Actor actor, int year, Category? category, CultureInfo culture, CancellationToken ct = default)
        {
            var ranked = await rankings.HandleAsync(actor, new GetRankings.Query(year, category), ct);
            if (!ranked.IsOk) return ranked.As<byte[]>();
            var result = ranked.Value!;
            string T(string key, params object[] args) => catalog.Text(key, culture, args);
            string N(decimal? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

            var ids = result.Rows.Select(r => r.Id).ToList();
            var sheets = await (from r in db.Reviews.AsNoTracking()
                                join x in db.Assignments.AsNoTracking() on r.AssignmentId equals x.Id
                                join e in db.Experts.AsNoTracking() on r.ExpertId equals e.Id
                                where x.Year == year && x.Category == result.Category && x.Status == AssignmentStatus.Active
                                      && r.Status == ReviewStatus.Submitted
                                select new { r.ApplicationId, Expert = e.Name, r.Scores, r.Strengths, r.Opportunities, r.Veto, r.VetoNote, r.Total, r.SubmittedAt })
                .ToListAsync(ct);
            var byApplication = result.Rows.ToDictionary(r => r.Id);
            var criteria = result.Rubric.Criteria;

            var detail = new List<IReadOnlyList<string>>();
            foreach (var s in sheets.Where(s => byApplication.ContainsKey(s.ApplicationId))
                         .OrderBy(s => byApplication[s.ApplicationId].Rank).ThenBy(s => s.Expert, StringComparer.Ordinal))
            {
                var app = byApplication[s.ApplicationId];
                var scores = s.Scores.ToDictionary(c => c.Code);
                foreach (var c in criteria)
                {
                    var score = scores.GetValueOrDefault(c.Code);
                    detail.Add([
                        app.ReceiptNumber ?? "", app.Title, app.OrganizationName, s.Expert, c.Block, c.Code, c.Name, N(c.MaxPoints),
                        score?.BandPercent?.ToString(CultureInfo.InvariantCulture) ?? "",
                        score?.BandPercent is { } band ? N(c.MaxPoints * band / 100m) : "",
                        score?.Comment ?? "", N(s.Total), s.Strengths, s.Opportunities,
                        s.Veto is { } veto ? T("Ranking.Veto." + veto) + (string.IsNullOrWhiteSpace(s.VetoNote) ? "" : "：" + s.VetoNote) : "",
                        s.SubmittedAt is { } at ? Shanghai.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                    ]);
                }
            }

            var summary = result.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Rank.ToString(CultureInfo.InvariantCulture), r.ReceiptNumber ?? "", r.Title, r.OrganizationName,
                r.Aggregate.Experts.ToString(CultureInfo.InvariantCulture), N(r.Aggregate.Mean), N(r.Score),
                .. result.Blocks.Select(b => N(r.Aggregate.Blocks.FirstOrDefault(x => x.Block == b.Block)?.Points)),
                string.Join("；", r.Aggregate.Divergences.Select(d => catalog.Text(d.Reason, culture))),
                r.Aggregate.HasConsensus ? T("Common.Yes") : "", r.Aggregate.Veto ? T("Common.Yes") : "",
                r.Proposal.Level is { } l ? T(Reference.Key(l)) : T("Ranking.NotRecognised"),
                r.BenchmarkCandidate ? T("Common.Yes") : "",
            ]).ToList();

            string[] detailHeaders = ["Ranking.Col.Receipt", "Ranking.Col.Title", "Ranking.Col.Organization", "Ranking.Col.Expert", "Ranking.Col.Block",
                "Ranking.Col.Code", "Ranking.Col.Criterion", "Ranking.Col.Max", "Ranking.Col.Band", "Ranking.Col.Points", "Ranking.Col.Comment",
                "Ranking.Col.Total", "Ranking.Col.Strengths", "Ranking.Col.Opportunities", "Ranking.Col.Veto", "Ranking.Col.SubmittedAt"];
            List<string> summaryHeaders = [T("Ranking.Col.Rank"), T("Ranking.Col.Receipt"), T("Ranking.Col.Title"), T("Ranking.Col.Organization"),
                T("Ranking.Col.Experts"), T("Ranking.Col.Mean"), T("Ranking.Col.Score"),
                .. result.Blocks.Select(b => T("Ranking.Col.BlockPoints", b.Block, N(b.MaxPoints))),
                T("Ranking.Col.Divergence"), T("Ranking.Col.Consensus"), T("Ranking.Col.Veto"), T("Ranking.Col.Level"), T("Ranking.Col.BenchmarkCandidate")];
            return Outcome<byte[]>.Ok(SimpleSheet.Write([
                new SimpleSheet.Sheet(T("Ranking.Export.Scores"), detailHeaders.Select(h => T(h)).ToList(), detail),
                new SimpleSheet.Sheet(T("Ranking.Export.Summary"), summaryHeaders, summary),
            ]));
        }
    }
}
