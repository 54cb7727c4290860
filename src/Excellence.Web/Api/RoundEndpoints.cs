using Excellence.Web.Features;
using Excellence.Web.Features.Rounds;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>Evaluation years: public reads; the secretariat creates and changes them (PUT needs If-Match).</summary>
public sealed class RoundEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Rounds");
        rounds.MapGet("", async (int? page, int? pageSize, ListRounds.Handler handler, CancellationToken ct) =>
            {
                var (p, size) = ApiResults.Paging(page, pageSize);
                var all = await handler.Handle(ct);
                return Results.Ok(new ListPage<RoundView>(all.Skip((p - 1) * size).Take(size).ToList(), all.Count, p, size));
            })
            .AllowAnonymous().WithSummary("The years, newest first, as a list page");
        rounds.MapGet("/{year:int}", async (int year, GetRound.Handler handler, HttpContext http, CancellationToken ct) =>
                (await handler.Handle(year, ct)).ToResult(http, v => WithETag(http, v, Results.Ok(v))))
            .AllowAnonymous().WithSummary("One year: timeline, deadline, categories with their limits (ETag)");
        rounds.MapPost("", async (RoundInput input, CreateRound.Handler handler, HttpContext http, CancellationToken ct) =>
                (await handler.Handle(http.RequiredActor(), input, ct))
                    .ToResult(http, v => WithETag(http, v, Results.Created($"/api/v1/rounds/{v.Year}", v))))
            .RequireAuthorization(Policies.Secretariat).WithSummary("Create a year");
        rounds.MapPut("/{year:int}", async (int year, RoundInput input, EditRound.Handler handler, HttpContext http, CancellationToken ct) =>
            {
                if (ParseIfMatch(http) is not { } version) return PreconditionRequired(http);
                return (await handler.Handle(http.RequiredActor(), year, version, input, ct))
                    .ToResult(http, v => WithETag(http, v, Results.Ok(v)));
            })
            .RequireAuthorization(Policies.Secretariat).WithSummary("Change a year (If-Match with the ETag of the last read)");
    }

    public static string ETag(int version) => $"W/\"{version}\"";

    private static IResult WithETag(HttpContext http, RoundView v, IResult result)
    {
        http.Response.Headers.ETag = ETag(v.Version);
        return result;
    }

    /// <summary>W/"3" or "3" → 3; anything else (missing, *, a list) → null.</summary>
    public static int? ParseIfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"') return null;
        return int.TryParse(value[1..^1], out var v) ? v : null;
    }

    private static IResult PreconditionRequired(HttpContext http)
    {
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        return Results.Problem(statusCode: 428, title: catalog.Text("Api.IfMatchRequired", System.Globalization.CultureInfo.CurrentUICulture));
    }
}
