using Excellence.Web.Domain.Notices;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Features.Notices;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Security;

namespace Excellence.Web.Api;

/// <summary>
/// 公示 and 异议. Notices are public reads (a name the applicant did not consent to publish is never in them);
/// anyone may object while one is open (multipart, rate-limited per address, with the form token of the notice);
/// the secretariat publishes notices and investigates objections.
/// </summary>
public sealed class NoticeEndpoints : IApiEndpoints
{
    public sealed record PublishRequest(DateOnly? StartDate, string? Contact);
    public sealed record DecisionRequest(DecideObjection.Verdict? Verdict, string? Findings, ObjectionRemedy? Remedy,
        Domain.Level? NewLevel, string? Explanation, string? PhoneNote);

    /// <summary>A notice with the token an objection must send back (only while the notice is open).</summary>
    public sealed record PublicNoticeResponse(NoticeView Notice, string? FormToken);

    public void Map(RouteGroupBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices");
        notices.MapGet("", async (GetNotice.Handler get, CancellationToken ct) =>
            {
                var all = await get.ListAsync(ct);
                return Results.Ok(new ListPage<NoticeSummary>(all, all.Count, 1, Math.Max(1, all.Count)));
            })
            .AllowAnonymous().WithSummary("Every notice, newest first, with its period and status");
        notices.MapGet("/current", async (HttpContext http, GetNotice.Handler get, ObjectionGuard guard, TimeProvider clock) =>
                (await get.CurrentAsync(http.RequestAborted)).ToResult(http, v => Results.Ok(Respond(v, guard, clock))))
            .AllowAnonymous().WithSummary("The notice open now (404 when none is)");
        notices.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetNotice.Handler get, ObjectionGuard guard, TimeProvider clock) =>
                (await get.HandleAsync(id, http.RequestAborted)).ToResult(http, v => Results.Ok(Respond(v, guard, clock))))
            .AllowAnonymous().WithSummary("One notice: period (Asia/Shanghai), status, the published rows; formToken while open");
        notices.MapPost("/{id:guid}/objections", FileObjectionAsync).AllowAnonymous().RequireRateLimiting(ServiceSetup.ObjectionRateLimit)
            .DisableAntiforgery()
            .WithSummary("A real-name objection (multipart: applicationId, name, identityKind ResidentId|Mobile, identity, organization, "
                         + "contact, email, grounds, formToken, files). 409 outside the period or for a duplicate; 429 beyond the rate limit")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/rounds/{year:int}/notices", async (int year, PublishRequest request, HttpContext http, PublishNotice.Handler publish) =>
                (await publish.HandleAsync(http.RequiredActor(), new PublishNotice.Command(year, request.StartDate, request.Contact), http.RequestAborted))
                    .ToResult(http, v => Results.Created($"/api/v1/notices/{v.Id}", v)))
            .RequireAuthorization(Policies.Secretariat).WithTags("Notices")
            .WithSummary("Publish the year's approved list for 7 natural days from startDate (today or later); approved applications move to 公示中");

        var objections = api.MapGroup("/objections").WithTags("Notices").RequireAuthorization(Policies.SignedIn);
        objections.MapGet("", async (ObjectionStatus? status, HttpContext http, ListObjections.Handler list) =>
                (await list.HandleAsync(http.RequiredActor(), status, http.RequestAborted))
                    .ToResult(http, rows => Results.Ok(new ListPage<ObjectionRow>(rows, rows.Count, 1, Math.Max(1, rows.Count)))))
            .WithSummary("Objections (secretariat only), objectors masked");
        objections.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetObjection.Handler get) =>
                (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v))))
            .WithSummary("One objection with grounds, files and decision (ETag = version)");
        objections.MapPost("/{id:guid}/reveal", async (Guid id, HttpContext http, RevealObjector.Handler reveal) =>
                (await reveal.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http))
            .WithSummary("The objector's full identity (audited)");
        objections.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, DownloadObjectionFile.Handler download) =>
            {
                var outcome = await download.HandleAsync(http.RequiredActor(), id, fileId, http.RequestAborted);
                if (!outcome.IsOk) return outcome.ToResult(http);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
            })
            .WithSummary("An evidence file of an objection");
        objections.MapPost("/{id:guid}/decision", async (Guid id, DecisionRequest r, HttpContext http, DecideObjection.Handler decide) =>
            {
                if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
                if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
                return (await decide.HandleAsync(http.RequiredActor(),
                        new DecideObjection.Command(id, version, r.Verdict, r.Findings, r.Remedy, r.NewLevel, r.Explanation, r.PhoneNote), http.RequestAborted))
                    .ToResult(http, status => Results.Ok(new { status }));
            })
            .WithSummary("Uphold (change the level or revoke the result) or dismiss; answers the objector (If-Match required)");
    }

    private static PublicNoticeResponse Respond(NoticeView v, ObjectionGuard guard, TimeProvider clock) =>
        new(v, v.Status == NoticeStatus.Open ? guard.IssueToken(v.Id, clock.UtcNow()) : null);

    private static async Task<IResult> FileObjectionAsync(Guid id, HttpRequest request, FileObjection.Handler file)
    {
        var http = request.HttpContext;
        if (!request.HasFormContentType) return Outcome<int>.Invalid("grounds", "Validation.Required").ToResult(http);
        var form = await request.ReadFormAsync(http.RequestAborted);
        string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var streams = form.Files.Where(f => f.Name is "files" or "file" && f.Length > 0).ToList();
        var uploads = new List<FileObjection.Upload>();
        try
        {
            foreach (var f in streams) uploads.Add(new FileObjection.Upload(f.FileName, f.OpenReadStream()));
            var command = new FileObjection.Command(id, Guid.TryParse(F("applicationId"), out var a) ? a : null, F("name"),
                Enum.TryParse<ObjectorIdentity>(F("identityKind"), true, out var kind) ? kind : null, F("identity"), F("organization"),
                F("contact"), F("email"), F("grounds"), F("formToken"), F("website"), uploads);
            var outcome = await file.HandleAsync(command, http.RequestAborted);
            return outcome.ToResult(http, r => Results.Created($"/api/v1/notices/{id}", r));
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }
}
