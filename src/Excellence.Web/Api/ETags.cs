using System.Globalization;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>
/// Optimistic concurrency over HTTP, the same for every shared record: the ETag is the record's version as a
/// strong validator ("7" — one version has exactly one representation, and If-Match compares strongly);
/// an update names the version it read in If-Match; a stale one gets 412 and nothing is written.
/// </summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static IResult With(HttpContext http, int version, IResult result)
    {
        http.Response.Headers.ETag = Of(version);
        return result;
    }

    public static bool HasIfMatch(HttpContext http) => !string.IsNullOrWhiteSpace(http.Request.Headers.IfMatch.ToString());

    /// <summary>"7" (or W/"7", as some clients send it back) → 7; missing, "*", a list or anything else → null.</summary>
    public static int? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"') return null;
        return int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>428: an update of a shared record must say which version it read.</summary>
    public static IResult PreconditionRequired(HttpContext http)
    {
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
            title: catalog.Text("Api.IfMatchRequired", CultureInfo.CurrentUICulture),
            extensions: new Dictionary<string, object?> { ["code"] = "Api.IfMatchRequired" });
    }

    /// <summary>412 for an If-Match this API never issued (not a version).</summary>
    public static IResult Unreadable(HttpContext http)
    {
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: catalog.Text("Validation.Stale", CultureInfo.CurrentUICulture));
    }
}
