using Excellence.Web.Domain;
using Excellence.Web.Features.Assignments;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>Assignment of experts to applications (manual, automatic, witnessed draw), recusal and recorded conflicts.</summary>
public sealed class AssignmentEndpoints : IApiEndpoints
{
    public sealed record ManualRequest(IReadOnlyList<Guid>? ExpertIds);
    public sealed record AutoRequest(Category? Category, int? PerApplication, int? Seed);
    public sealed record DrawRequest(Category? Category, int? PerApplication, IReadOnlyList<string>? Witnesses);
    public sealed record RecusalRequest(string? Reason);
    public sealed record ConflictRequest(Guid? ExpertId, string? Reason);

    public void Map(RouteGroupBuilder api)
    {
        var apps = api.MapGroup("/applications/{id:guid}").WithTags("Assignments");
        apps.MapGet("/assignments", async (Guid id, HttpContext http, ListApplicationAssignments.Handler list) =>
                (await list.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http))
            .RequireAuthorization(Policies.Secretariat).WithSummary("The experts assigned to an application, and those excluded and why");
        apps.MapPost("/assignments", async (Guid id, ManualRequest request, HttpContext http, AssignManually.Handler assign) =>
                (await assign.HandleAsync(http.RequiredActor(), new AssignManually.Command(id, request.ExpertIds), http.RequestAborted))
                    .ToResult(http, ids => Results.Ok(new { assignmentIds = ids })))
            .RequireAuthorization(Policies.Secretariat).WithSummary("Assign experts: { expertIds } (409 with the reason when one has a conflict; nothing written)");
        apps.MapPost("/conflicts", async (Guid id, ConflictRequest request, HttpContext http, RecordConflict.Handler record) =>
                (await record.HandleAsync(http.RequiredActor(), new RecordConflict.Command(id, request.ExpertId, request.Reason), http.RequestAborted))
                    .ToResult(http, cid => Results.Created($"/api/v1/applications/{id}/assignments", new { id = cid })))
            .RequireAuthorization(Policies.Secretariat).WithSummary("Record a conflict the secretariat learned of: { expertId, reason } (removes an active assignment)");

        var rounds = api.MapGroup("/rounds/{year:int}/assignments").WithTags("Assignments").RequireAuthorization(Policies.Secretariat);
        rounds.MapPost("/auto", async (int year, AutoRequest request, HttpContext http, PlanAssignments.Handler plan) =>
                (await plan.HandleAsync(http.RequiredActor(), new PlanAssignments.Command(year, request.Category, request.PerApplication, request.Seed),
                    http.RequestAborted)).ToResult(http))
            .WithSummary("Automatic assignment: { category?, perApplication?, seed? } → coverage, load per expert, domain match rate");
        rounds.MapPost("/draw", async (int year, DrawRequest request, HttpContext http, PlanAssignments.Handler plan) =>
                (await plan.HandleAsync(http.RequiredActor(), new PlanAssignments.Command(year, request.Category, request.PerApplication, null,
                    request.Witnesses, Draw: true), http.RequestAborted)).ToResult(http))
            .WithSummary("Witnessed draw (抽签): { category?, perApplication?, witnesses } with a CSPRNG seed, recorded with the result in the audit log");
        rounds.MapGet("", async (int year, Category? category, HttpContext http, AssignmentReport.Handler report) =>
                (await report.HandleAsync(http.RequiredActor(), year, category, http.RequestAborted)).ToResult(http))
            .WithSummary("The assignment report: coverage, load per expert, exclusions and why");

        api.MapPost("/assignments/{id:guid}/conflict", async (Guid id, RecusalRequest request, HttpContext http, RecuseAssignment.Handler recuse) =>
                (await recuse.HandleAsync(http.RequiredActor(), new RecuseAssignment.Command(id, request.Reason), http.RequestAborted))
                    .ToResult(http, _ => Results.NoContent()))
            .WithTags("Assignments").RequireAuthorization(Policies.Expert)
            .WithSummary("The assigned expert declares a conflict (回避): { reason }; the secretariat is told and can reassign");
    }
}
