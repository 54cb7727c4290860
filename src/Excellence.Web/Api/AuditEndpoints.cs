using Excellence.Web.Features.Audit;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>GET /api/v1/audit: the audit trail for staff, with the filters of the audit page.</summary>
public sealed class AuditEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (string? recordType, string? recordId, string? actor, string? action, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, SearchAudit.Handler handler, HttpContext http, CancellationToken ct) =>
            {
                var (p, size) = ApiResults.Paging(page, pageSize);
                return (await handler.Handle(http.RequiredActor(), new SearchAudit.Query(recordType, recordId, actor, action, from, to, p, size), ct))
                    .ToResult(http);
            })
            .RequireAuthorization(Policies.Staff).WithTags("Audit")
            .WithSummary("The audit trail, newest first; filters recordType, recordId, actor, action (prefix), from/to (Shanghai dates)");
}
