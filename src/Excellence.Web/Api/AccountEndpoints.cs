using Excellence.Web.Data;
using Excellence.Web.Features.Audit;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Api;

/// <summary>
/// GET /api/v1/me: who the token or cookie belongs to, so a client can check its credentials and roles;
/// GET /api/v1/audit/verification: whether the audit hash chain is intact (staff; for monitoring).
/// </summary>
public sealed class AccountEndpoints : IApiEndpoints
{
    public sealed record Me(Guid Id, string Name, IReadOnlyList<string> Roles, Guid? OrganizationId, Guid? RecommenderUnitId);
    public sealed record AuditVerificationReport(bool Intact, int Entries, long? BrokenAtSeq, string? Reason);

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) =>
            {
                var actor = http.RequiredActor();
                return TypedResults.Ok(new Me(actor.UserId, actor.Name, actor.Roles.Order(StringComparer.Ordinal).ToList(),
                    actor.OrganizationId, actor.RecommenderUnitId));
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Account").WithName("GetMe")
            .WithSummary("The signed-in account: its id, name and roles");

        api.MapGet("/audit/verification", async (AppDb db, CancellationToken aborted) =>
            {
                var entries = await db.AuditEvents.CountAsync(aborted);
                var broken = await AuditVerification.VerifyAsync(db, aborted);
                return TypedResults.Ok(new AuditVerificationReport(broken is null, entries, broken?.Seq, broken?.Reason));
            })
            .RequireAuthorization(Policies.Staff)
            .WithTags("Audit").WithName("VerifyAudit")
            .WithSummary("Walk the audit log's hash chain and report the first broken entry, if any");
    }
}
