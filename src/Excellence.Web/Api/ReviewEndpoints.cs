using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features;
using Excellence.Web.Features.Reviews;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>
/// The expert's assignments and score sheets (/assignments), and the rubric of a year (/rounds/{year}/rubrics).
/// The sheet's and the rubric's ETag is their version; PUT needs If-Match (428 without, 412 when stale).
/// </summary>
public sealed class ReviewEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assignments").WithTags("Reviews");
        g.MapGet("", Queue).RequireAuthorization(Policies.Expert).WithSummary("The caller's Active assignments with the sheet's status, as a list page");
        g.MapGet("/{id:guid}/review", Get).RequireAuthorization(Policies.Expert)
            .WithSummary("The score sheet of an assignment with the rubric (ETag = version; 0 before the first save)");
        g.MapPut("/{id:guid}/review", Put).RequireAuthorization(Policies.Expert)
            .WithSummary("Save the score sheet as a draft: band % in 5 % steps per criterion, comments, strengths, opportunities, veto (If-Match)");
        g.MapPost("/{id:guid}/review/submit", Submit).RequireAuthorization(Policies.Expert)
            .WithSummary("Submit the stored sheet (or the one sent): every criterion scored, strengths and opportunities written; then read-only");

        var r = api.MapGroup("/rounds/{year:int}/rubrics").WithTags("Reviews");
        r.MapGet("/{category}", GetRubric).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The rubric of a year and category (secretariat; experts assigned that year)");
        r.MapPut("/{category}", PutRubric).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Edit criteria, thresholds and experts per application (If-Match); sum of maxima 100; refused once frozen");
    }

    private static async Task<IResult> Queue(int? year, int? page, int? pageSize, HttpContext http, ListAssignments.Handler handler)
    {
        var (p, size) = ApiResults.Paging(page, pageSize);
        var rows = await handler.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        return Results.Ok(new ListPage<ListAssignments.Row>(rows.Skip((p - 1) * size).Take(size).ToList(), rows.Count, p, size));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, GetReview.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> Put(Guid id, SaveReview.SheetInput input, HttpContext http, SaveReview.Handler save)
    {
        if (!ETags.HasIfMatch(http) && input.Version is null) return ETags.PreconditionRequired(http);
        var expected = ETags.HasIfMatch(http) ? ETags.IfMatch(http) : input.Version;
        if (expected is null) return ETags.Unreadable(http);
        var outcome = await save.HandleAsync(http.RequiredActor(), new SaveReview.Command(id, expected, input), http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> Submit(Guid id, HttpContext http, SubmitReview.Handler submit)
    {
        // If-Match is optional here: with it, a stale sheet is refused (412); the body, if any, is ignored.
        int? expected = ETags.HasIfMatch(http) ? ETags.IfMatch(http) ?? -1 : null;
        var outcome = await submit.HandleAsync(http.RequiredActor(), new SaveReview.Command(id, expected, null), http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> GetRubric(int year, Category category, HttpContext http, GetRubric.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), year, category, http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> PutRubric(int year, Category category, RubricInput input, HttpContext http, EditRubric.Handler edit)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var outcome = await edit.HandleAsync(http.RequiredActor(), new EditRubric.Command(year, category, version, input), http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }
}
