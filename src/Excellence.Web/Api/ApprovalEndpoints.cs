using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features;
using Excellence.Web.Features.Approvals;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>
/// 审定会议: /rounds/{year}/approval-meetings and /approval-meetings/{id}. The secretariat convenes, records attendance
/// and closes; the present approvers vote. A meeting is hidden (404) from anyone else. ETag = the meeting's version.
/// </summary>
public sealed class ApprovalEndpoints : IApiEndpoints
{
    public sealed record MeetingRequest(string? Title, DateTimeOffset? HeldAt, string? Place, RuleView? Quorum, RuleView? Majority, IReadOnlyList<Guid>? Invited);
    public sealed record AttendanceRequest(IReadOnlyList<Guid>? Present);
    public sealed record VoteRequest(Guid ApplicationId, VoteChoice? Choice, Level? Level, string? Reason);
    public sealed record VotesRequest(IReadOnlyList<VoteRequest>? Votes);

    public void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{year:int}/approval-meetings").WithTags("Approval");
        rounds.MapGet("", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The year's approval meetings the caller may see (secretariat: all; approver: those it is invited to)");
        rounds.MapPost("", Create).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Convene the approval meeting: { title, heldAt, place, quorum {numerator, denominator}, majority {…}, invited [userId] }");
        var g = api.MapGroup("/approval-meetings").WithTags("Approval");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The meeting, attendance, the recommended list (own votes only before closing; the tally after) (ETag)");
        g.MapPut("/{id:guid}", Put).RequireAuthorization(Policies.Secretariat).WithSummary("Change the open meeting (If-Match required)");
        g.MapPut("/{id:guid}/attendance", Attendance).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Record who is present: { present: [userId] } (If-Match required)");
        g.MapPost("/{id:guid}/votes", Vote).RequireAuthorization(Policies.Approver)
            .WithSummary("A present approver votes: { votes: [{ applicationId, choice: Approve|Reject|ChangeLevel, level, reason }] }");
        g.MapPost("/{id:guid}/revote", Revote).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Clear the votes on the undecided applications so they are voted again");
        g.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Close: refused without quorum or with undecided applications; applies Approved/NotApproved and locks the result");
        g.MapGet("/{id:guid}/minutes.docx", MinutesDocx).RequireAuthorization(Policies.SignedIn).WithSummary("The minutes (Word), once closed");
        g.MapGet("/{id:guid}/minutes.pdf", MinutesPdf).RequireAuthorization(Policies.SignedIn).WithSummary("The minutes (PDF), once closed");
    }

    private static SaveMeeting.Input Input(MeetingRequest r) => new(r.Title, r.HeldAt?.UtcDateTime, r.Place,
        r.Quorum?.Numerator, r.Quorum?.Denominator, r.Majority?.Numerator, r.Majority?.Denominator, r.Invited);

    private static async Task<IResult> List(int year, HttpContext http, ListMeetings.Handler list)
    {
        var rows = await list.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        return Results.Ok(new ListPage<MeetingRow>(rows, rows.Count, 1, Math.Max(rows.Count, 1)));
    }

    private static async Task<IResult> Create(int year, MeetingRequest request, HttpContext http, SaveMeeting.Handler save, GetMeeting.Handler get)
    {
        var actor = http.RequiredActor();
        var outcome = await save.CreateAsync(actor, new SaveMeeting.Create(year, Input(request)), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = await get.HandleAsync(actor, outcome.Value, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Version, Results.Created($"/api/v1/approval-meetings/{v.Id}", v)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, GetMeeting.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> Put(Guid id, MeetingRequest request, HttpContext http, SaveMeeting.Handler save, GetMeeting.Handler get)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var actor = http.RequiredActor();
        var outcome = await save.EditAsync(actor, new SaveMeeting.Edit(id, version, Input(request)), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return await ViewAsync(http, get, actor, id);
    }

    private static async Task<IResult> Attendance(Guid id, AttendanceRequest request, HttpContext http, RecordAttendance.Handler record, GetMeeting.Handler get)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
        var actor = http.RequiredActor();
        var outcome = await record.HandleAsync(actor, new RecordAttendance.Command(id, version, request.Present ?? []), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return await ViewAsync(http, get, actor, id);
    }

    private static async Task<IResult> Vote(Guid id, VotesRequest request, HttpContext http, CastVotes.Handler cast)
    {
        var ballots = (request.Votes ?? []).Select(v => new CastVotes.Ballot(v.ApplicationId, v.Choice, v.Level, v.Reason)).ToList();
        var outcome = await cast.HandleAsync(http.RequiredActor(), new CastVotes.Command(id, ballots), http.RequestAborted);
        return outcome.ToResult(http, n => Results.Ok(new { recorded = n }));
    }

    private static async Task<IResult> Revote(Guid id, HttpContext http, StartRevote.Handler revote)
    {
        var outcome = await revote.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        return outcome.ToResult(http, n => Results.Ok(new { cleared = n }));
    }

    private static async Task<IResult> Close(Guid id, HttpContext http, CloseMeeting.Handler close, GetMeeting.Handler get)
    {
        var actor = http.RequiredActor();
        var outcome = await close.HandleAsync(actor, new CloseMeeting.Command(id, ETags.IfMatch(http)), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return await ViewAsync(http, get, actor, id);
    }

    private static async Task<IResult> MinutesDocx(Guid id, HttpContext http, Minutes.Handler minutes, StringCatalog catalog)
    {
        var outcome = await minutes.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        return Results.File(new ApprovalMinutes(catalog).Docx(outcome.Value!),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ApprovalMinutes.FileName(outcome.Value!, "docx"));
    }

    private static async Task<IResult> MinutesPdf(Guid id, HttpContext http, Minutes.Handler minutes, StringCatalog catalog)
    {
        var outcome = await minutes.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var bytes = new ApprovalMinutes(catalog).Pdf(outcome.Value!);
        if (bytes is null) return Results.Problem(statusCode: 503, title: catalog.Text(CjkFont.MissingKey, CultureInfo.CurrentUICulture));
        return Results.File(bytes, "application/pdf", ApprovalMinutes.FileName(outcome.Value!, "pdf"));
    }

    private static async Task<IResult> ViewAsync(HttpContext http, GetMeeting.Handler get, Actor actor, Guid id)
    {
        var view = await get.HandleAsync(actor, id, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }
}
