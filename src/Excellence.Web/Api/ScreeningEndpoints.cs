using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features;
using Excellence.Web.Features.Screening;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>条件审查 and 补充材料: the secretariat's decisions, the owner's answers, the year's checklists.</summary>
public sealed class ScreeningEndpoints : IApiEndpoints
{
    public sealed record ScreeningRequest(ScreeningDecision? Decision, string? Reason, FailKind? FailKind, DateOnly? DueDate,
        IReadOnlyList<DecideScreening.ChecklistInput>? Checklist, IReadOnlyList<string?>? Items, string? Note);

    public sealed record ChecklistRequest(IReadOnlyList<SaveChecklist.Row>? Items);

    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/applications").WithTags("Screening");
        g.MapPost("/{id:guid}/screening", Decide).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Screen an application: { decision: Pass | Fail | RequestSupplement, reason, failKind?, dueDate?, checklist, items?, note? }");
        g.MapGet("/{id:guid}/screening", Get).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The screening record and supplement requests (the owner sees no internal notes or checklist answers)");
        g.MapPost("/{id:guid}/supplements/{requestId:guid}", Answer).RequireAuthorization(Policies.Applicant)
            .WithSummary("Answer a supplement request (multipart: items[{itemId}].text and items[{itemId}].files); late answers are marked late");
        g.MapGet("/{id:guid}/supplements/files/{fileId:guid}", Download).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Download a file given with a supplement answer (secretariat and owner)");

        var rounds = api.MapGroup("/rounds").WithTags("Screening");
        rounds.MapGet("/{year:int}/screening-checklist", GetChecklist).RequireAuthorization(Policies.Secretariat)
            .WithSummary("The year's screening checklist for a category (?category=); ETag = version, 0 while the default");
        rounds.MapPut("/{year:int}/screening-checklist", PutChecklist).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Replace the year's checklist for a category (?category=): { items: [{ code?, text }] }; If-Match required");
    }

    private static async Task<IResult> Decide(Guid id, ScreeningRequest request, HttpContext http, DecideScreening.Handler decide)
    {
        var outcome = await decide.HandleAsync(http.RequiredActor(), new DecideScreening.Command(id, request.Decision, request.Reason,
            request.FailKind, request.DueDate, request.Checklist, request.Items, request.Note), http.RequestAborted);
        return outcome.ToResult(http);
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, GetScreening.Handler get) =>
        (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http);

    private static async Task<IResult> Answer(Guid id, Guid requestId, HttpRequest request, AnswerSupplement.Handler answer)
    {
        var http = request.HttpContext;
        if (!request.HasFormContentType) return Outcome<int>.Invalid("items", "Supplement.MultipartRequired").ToResult(http);
        var form = await request.ReadFormAsync(http.RequestAborted);
        var (answers, streams) = SupplementFormReader.Read(form);
        try
        {
            var outcome = await answer.HandleAsync(http.RequiredActor(), new AnswerSupplement.Command(id, requestId, answers), http.RequestAborted);
            return outcome.ToResult(http);
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync();
        }
    }

    private static async Task<IResult> Download(Guid id, Guid fileId, HttpContext http, DownloadSupplementFile.Handler download)
    {
        var outcome = await download.HandleAsync(http.RequiredActor(), id, fileId, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var f = outcome.Value!;
        return Results.File(f.Content, f.Row.ContentType, f.Row.FileName);
    }

    private static async Task<IResult> GetChecklist(int year, Category? category, HttpContext http, GetChecklist.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), year, category, http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> PutChecklist(int year, Category? category, ChecklistRequest request, HttpContext http, SaveChecklist.Handler save)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var outcome = await save.HandleAsync(http.RequiredActor(), new SaveChecklist.Command(year, category, version, request.Items), http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }
}
