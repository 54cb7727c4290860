using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Features.Results;

/// <summary>The public results list as an Excel workbook, with the same filters and the same discretion as the page.</summary>
public static class ExportResults
{
    public sealed class Handler(ListResults.Handler list, StringCatalog catalog)
    {
        public async Task<byte[]> HandleAsync(ListResults.Query query, CultureInfo culture, CancellationToken ct = default)
        {
            var rows = (await list.HandleAsync(query with { Page = 1, PageSize = 1000 }, ct)).Items;
            string T(string key) => catalog.Text(key, culture);
            string[] headers = ["Results.Column.Year", "Results.Column.Category", "Results.Column.Level", "Results.Column.Name",
                "Results.Column.Organization", "Results.Column.Title"];
            return SimpleSheet.Write(T("Results.Sheet"), headers.Select(T).ToList(), rows.Select(r => (IReadOnlyList<string>)
            [
                r.Year.ToString(CultureInfo.InvariantCulture), T(Reference.Key(r.Category)), T(Reference.Key(r.Level)),
                r.Disclosed ? r.Name ?? "" : T("Results.Undisclosed"), r.Organization ?? "", r.Title ?? "",
            ]));
        }
    }
}
