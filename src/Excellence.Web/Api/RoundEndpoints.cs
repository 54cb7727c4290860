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
                (await handler.Handle(year, ct)).ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v))))
            .AllowAnonymous().WithSummary("One year: timeline, deadline, categories with their limits (ETag)");
        rounds.MapPost("", async (RoundInput input, CreateRound.Handler handler, HttpContext http, CancellationToken ct) =>
                (await handler.Handle(http.RequiredActor(), input, ct))
                    .ToResult(http, v => ETags.With(http, v.Version, Results.Created($"/api/v1/rounds/{v.Year}", v))))
            .RequireAuthorization(Policies.Secretariat).WithSummary("Create a year");
        rounds.MapPut("/{year:int}", async (int year, RoundInput input, EditRound.Handler handler, HttpContext http, CancellationToken ct) =>
            {
                if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
                if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
                return (await handler.Handle(http.RequiredActor(), year, version, input, ct))
                    .ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
            })
            .RequireAuthorization(Policies.Secretariat).WithSummary("Change a year (If-Match with the ETag of the last read)");
    }
}
