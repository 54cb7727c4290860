using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features;
using Excellence.Web.Features.Panels;
using Excellence.Web.Features.SiteVisits;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;

namespace Excellence.Web.Api;

/// <summary>
/// /api/v1 panel meetings (专家会审) and site visits (现场验证): the secretariat runs them, members read and vote.
/// Records a caller may not see — a meeting it is not a member of, an item it is recused on — answer 404.
/// </summary>
public sealed class PanelEndpoints : IApiEndpoints
{
    public sealed record MeetingRequest(string? Title, DateTime? StartsAt, string? Place, List<Guid>? MemberIds, Guid? ChairId)
    {
        public PanelMeetingForm ToForm() => new(Title, StartsAt, Place, MemberIds, ChairId);
    }
    public sealed record ItemsRequest(List<Guid>? ApplicationIds, bool Candidates);
    public sealed record VoteRequest(decimal? Score, PanelLevel? Level);
    public sealed record ConclusionRequest(PanelLevel? Level, string? Reasons, PanelDecision? Decision);
    public sealed record NotesRequest(string? Questions);
    public sealed record RecusalRequest(Guid ExpertId, string? Reason);
    public sealed record VisitRequest(Guid ApplicationId, DateOnly? Date, List<Guid>? MemberIds, string? Issues, string? Findings);
    public sealed record VisitUpdate(DateOnly? Date, List<Guid>? MemberIds, string? Issues, string? Findings);
    public sealed record LogRequest(string? Time, string? Subject, string? Note);
    public sealed record VisitConclusion(SiteVisitOutcome? Outcome, string? Reason, PanelLevel? Level);

    private static readonly AuthorizeAttribute Members = new() { Roles = $"{Roles.Secretariat},{Roles.Expert}" };

    public void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{year:int}").WithTags("Panel review");
        rounds.MapGet("/panel-meetings", List).RequireAuthorization(Members).WithSummary("The year's panel meetings (a member: its own)");
        rounds.MapPost("/panel-meetings", Create).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Plan a meeting: { title, startsAt (Shanghai time), place, memberIds, chairId }");

        var g = api.MapGroup("/panel-meetings").WithTags("Panel review");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Members).WithSummary("One meeting (ETag); a member sees only the items it is not recused on");
        g.MapPut("/{id:guid}", Put).RequireAuthorization(Policies.Secretariat).WithSummary("Edit the meeting (If-Match required; 412 when stale)");
        g.MapPost("/{id:guid}/items", AddItems).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Add applications to the agenda: { applicationIds } or { candidates: true } for the year's benchmark candidates");
        g.MapGet("/{id:guid}/items/{applicationId:guid}", GetItem).RequireAuthorization(Members).WithSummary("One item (404 for a recused member)");
        g.MapPost("/{id:guid}/items/{applicationId:guid}/notes", Notes).RequireAuthorization(Members)
            .WithSummary("The questions and answers noted (secretariat or chair): { questions }");
        g.MapPost("/{id:guid}/items/{applicationId:guid}/recusals", Recuse).RequireAuthorization(Members)
            .WithSummary("Recuse a member from the item in the meeting, with the reason: { expertId, reason }");
        g.MapPost("/{id:guid}/items/{applicationId:guid}/votes", Vote).RequireAuthorization(Policies.Expert)
            .WithSummary("A member's panel score (0–100, 0.1) and/or level: { score, level }");
        g.MapPost("/{id:guid}/items/{applicationId:guid}/conclusion", Conclude).RequireAuthorization(Members)
            .WithSummary("The panel's level and reasons, then propose or request a site verification: { level, reasons, decision }");
        g.MapGet("/{id:guid}/minutes.docx", (Guid id, HttpContext http, PanelMinutes.Handler h, StringCatalog c) => Minutes(id, "docx", http, h, c))
            .RequireAuthorization(Members).WithSummary("The minutes as a Word document (a member's copy leaves out its recused items)");
        g.MapGet("/{id:guid}/minutes.pdf", (Guid id, HttpContext http, PanelMinutes.Handler h, StringCatalog c) => Minutes(id, "pdf", http, h, c))
            .RequireAuthorization(Members).WithSummary("The minutes as a PDF");

        var visits = api.MapGroup("").WithTags("Site verification");
        visits.MapGet("/rounds/{year:int}/site-visits", ListVisits).RequireAuthorization(Members).WithSummary("The year's site visits (a member: its own)");
        visits.MapPost("/rounds/{year:int}/site-visits", CreateVisit).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Plan a visit: { applicationId, date, memberIds, issues? } (issues pre-filled when empty)");
        visits.MapGet("/site-visits/{id:guid}", GetVisit).RequireAuthorization(Members).WithSummary("One visit (ETag)");
        visits.MapPut("/site-visits/{id:guid}", PutVisit).RequireAuthorization(Members).WithSummary("Edit the visit (If-Match required)");
        visits.MapPost("/site-visits/{id:guid}/log", Log).RequireAuthorization(Members).WithSummary("Add an interview or document entry: { time, subject, note }");
        visits.MapPost("/site-visits/{id:guid}/conclusion", ConcludeVisit).RequireAuthorization(Policies.Secretariat)
            .WithSummary("The outcome (Confirmed, NotConfirmed, LevelAdjusted) with reason and level; proposes the level");
    }

    private static async Task<IResult> List(int year, HttpContext http, ListPanelMeetings.Handler h)
    {
        var rows = await h.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        return Results.Ok(new ListPage<ListPanelMeetings.Row>(rows, rows.Count, 1, Math.Max(rows.Count, 1)));
    }

    private static async Task<IResult> Create(int year, MeetingRequest request, HttpContext http, CreatePanelMeeting.Handler create, GetPanelMeeting.Handler get)
    {
        var outcome = await create.HandleAsync(http.RequiredActor(), new CreatePanelMeeting.Command(year, request.ToForm()), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = await get.HandleAsync(http.RequiredActor(), outcome.Value, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Version, Results.Created($"/api/v1/panel-meetings/{v.Id}", v)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, GetPanelMeeting.Handler get) =>
        (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));

    private static async Task<IResult> Put(Guid id, MeetingRequest request, HttpContext http, UpdatePanelMeeting.Handler update, GetPanelMeeting.Handler get)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var outcome = await update.HandleAsync(http.RequiredActor(), new UpdatePanelMeeting.Command(id, version, request.ToForm()), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return await Get(id, http, get);
    }

    private static async Task<IResult> AddItems(Guid id, ItemsRequest request, HttpContext http, AddPanelItems.Handler add) =>
        (await add.HandleAsync(http.RequiredActor(), new AddPanelItems.Command(id, request.ApplicationIds, request.Candidates), http.RequestAborted))
            .ToResult(http, n => Results.Ok(new { added = n }));

    private static async Task<IResult> GetItem(Guid id, Guid applicationId, HttpContext http, GetPanelMeeting.Handler get) =>
        (await get.ItemAsync(http.RequiredActor(), id, applicationId, http.RequestAborted)).ToResult(http);

    private static async Task<IResult> Notes(Guid id, Guid applicationId, NotesRequest request, HttpContext http, SavePanelNotes.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new SavePanelNotes.Command(id, applicationId, request.Questions), http.RequestAborted))
            .ToResult(http, _ => Results.NoContent());

    private static async Task<IResult> Recuse(Guid id, Guid applicationId, RecusalRequest request, HttpContext http, RecusePanelMember.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new RecusePanelMember.Command(id, applicationId, request.ExpertId, request.Reason), http.RequestAborted))
            .ToResult(http, _ => Results.NoContent());

    private static async Task<IResult> Vote(Guid id, Guid applicationId, VoteRequest request, HttpContext http, CastPanelVote.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new CastPanelVote.Command(id, applicationId, request.Score, request.Level), http.RequestAborted))
            .ToResult(http);

    private static async Task<IResult> Conclude(Guid id, Guid applicationId, ConclusionRequest request, HttpContext http, ConcludePanelItem.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new ConcludePanelItem.Command(id, applicationId, request.Level, request.Reasons, request.Decision), http.RequestAborted))
            .ToResult(http, stage => Results.Ok(new { stage }));

    private static async Task<IResult> Minutes(Guid id, string format, HttpContext http, PanelMinutes.Handler h, StringCatalog catalog)
    {
        var outcome = await h.HandleAsync(http.RequiredActor(), id, format, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var f = outcome.Value!;
        if (f.Content is null) return Results.Problem(statusCode: 503, title: catalog.Text(Infrastructure.Documents.CjkFont.MissingKey, CultureInfo.CurrentUICulture));
        return Results.File(f.Content, f.ContentType, f.FileName);
    }

    private static async Task<IResult> ListVisits(int year, HttpContext http, ListSiteVisits.Handler h)
    {
        var rows = await h.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        return Results.Ok(new ListPage<ListSiteVisits.Row>(rows, rows.Count, 1, Math.Max(rows.Count, 1)));
    }

    private static async Task<IResult> CreateVisit(int year, VisitRequest request, HttpContext http, CreateSiteVisit.Handler create, GetSiteVisit.Handler get)
    {
        var outcome = await create.HandleAsync(http.RequiredActor(),
            new CreateSiteVisit.Command(request.ApplicationId, new SiteVisitForm(request.Date, request.MemberIds, request.Issues, request.Findings)), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = await get.HandleAsync(http.RequiredActor(), outcome.Value, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Version, Results.Created($"/api/v1/site-visits/{v.Id}", v)));
    }

    private static async Task<IResult> GetVisit(Guid id, HttpContext http, GetSiteVisit.Handler get) =>
        (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));

    private static async Task<IResult> PutVisit(Guid id, VisitUpdate request, HttpContext http, UpdateSiteVisit.Handler update, GetSiteVisit.Handler get)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var outcome = await update.HandleAsync(http.RequiredActor(),
            new UpdateSiteVisit.Command(id, version, new SiteVisitForm(request.Date, request.MemberIds, request.Issues, request.Findings)), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return await GetVisit(id, http, get);
    }

    private static async Task<IResult> Log(Guid id, LogRequest request, HttpContext http, AddSiteVisitLogEntry.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new AddSiteVisitLogEntry.Command(id, request.Time, request.Subject, request.Note), http.RequestAborted))
            .ToResult(http, v => Results.Ok(new { version = v }));

    private static async Task<IResult> ConcludeVisit(Guid id, VisitConclusion request, HttpContext http, ConcludeSiteVisit.Handler h) =>
        (await h.HandleAsync(http.RequiredActor(), new ConcludeSiteVisit.Command(id, request.Outcome, request.Reason, request.Level), http.RequestAborted))
            .ToResult(http, stage => Results.Ok(new { stage }));
}
