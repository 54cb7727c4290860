using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Features.Applications;

/// <summary>The filtered list as an Excel workbook (the secretariat's list, the recommender's recommended list).</summary>
public static class ExportApplications
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class Handler(ListApplications.Handler list, StringCatalog catalog)
    {
        public async Task<byte[]> HandleAsync(Actor actor, ListApplications.Query query, CultureInfo culture, CancellationToken ct = default)
        {
            var rows = (await list.HandleAsync(actor, query, ct, all: true)).Items;
            string T(string key) => catalog.Text(key, culture);
            string[] headers = ["Application.Field.receiptNumber", "Application.Field.year", "Application.Field.category", "Application.Field.report.title",
                "Application.Field.organization", "Application.Field.district", "Application.Field.industry", "Application.Field.scale",
                "Application.Field.recommenderId", "Application.Field.stage", "Application.Field.submittedAt"];
            return SimpleSheet.Write(T("Application.Export.Sheet"), headers.Select(T).ToList(), rows.Select(row => (IReadOnlyList<string>)
            [
                row.ReceiptNumber ?? "",
                row.Year.ToString(CultureInfo.InvariantCulture),
                T(Reference.Key(row.Category)),
                row.Title,
                row.OrganizationName,
                row.District.Length == 0 ? "" : T(Reference.Key("District", row.District)),
                T(Reference.Key(row.Industry)),
                T(Reference.Key(row.Scale)),
                row.Direct ? T("Application.DirectPath") : row.RecommenderName ?? "",
                T(Reference.Key(row.Stage)),
                row.SubmittedAt is { } at ? Shanghai.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "",
            ]));
        }
    }
}
