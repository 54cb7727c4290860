using System.Globalization;
using ClosedXML.Excel;
using Excellence.Web.Domain;
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
            using var workbook = new XLWorkbook();
            var sheet = workbook.Worksheets.Add(T("Application.Export.Sheet"));
            string[] headers = ["Application.Field.receiptNumber", "Application.Field.year", "Application.Field.category", "Application.Field.report.title",
                "Application.Field.organization", "Application.Field.district", "Application.Field.industry", "Application.Field.scale",
                "Application.Field.recommenderId", "Application.Field.stage", "Application.Field.submittedAt"];
            for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = T(headers[c]);
            var r = 2;
            foreach (var row in rows)
            {
                sheet.Cell(r, 1).Value = row.ReceiptNumber ?? "";
                sheet.Cell(r, 2).Value = row.Year;
                sheet.Cell(r, 3).Value = T(Reference.Key(row.Category));
                sheet.Cell(r, 4).Value = row.Title;
                sheet.Cell(r, 5).Value = row.OrganizationName;
                sheet.Cell(r, 6).Value = row.District.Length == 0 ? "" : T(Reference.Key("District", row.District));
                sheet.Cell(r, 7).Value = T(Reference.Key(row.Industry));
                sheet.Cell(r, 8).Value = T(Reference.Key(row.Scale));
                sheet.Cell(r, 9).Value = row.Direct ? T("Application.DirectPath") : row.RecommenderName ?? "";
                sheet.Cell(r, 10).Value = T(Reference.Key(row.Stage));
                sheet.Cell(r, 11).Value = row.SubmittedAt is { } at ? Shanghai.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
                r++;
            }
            sheet.Row(1).Style.Font.Bold = true;
            sheet.Columns().AdjustToContents(1, Math.Min(r, 200));
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }
    }
}
