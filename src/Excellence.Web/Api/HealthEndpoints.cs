using System.Reflection;
using Excellence.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Api;

/// <summary>GET /api/v1/health: is the process alive and can it reach its database. One SELECT 1, nothing else.</summary>
public sealed class HealthEndpoints : IApiEndpoints
{
    public sealed record DatabaseHealth(string Provider, bool Reachable, double LatencyMs);
    public enum HealthStatus { Healthy, Unhealthy }
    public sealed record HealthReport(HealthStatus Status, DatabaseHealth Database, string Version);

    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HealthEndpoints).Assembly.GetName().Version?.ToString() ?? "unknown";

    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/health", Check)
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Liveness and database reachability (200 when healthy, 503 when the database cannot be reached)")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> Check(AppDb db, TimeProvider clock, ILogger<HealthEndpoints> log, CancellationToken aborted)
    {
        var provider = db is PostgresAppDb ? "Postgres" : "Sqlite";
        var started = clock.GetTimestamp();
        var reachable = true;
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", aborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Health check: the database cannot be reached");
            reachable = false;
        }
        var latency = Math.Round(clock.GetElapsedTime(started).TotalMilliseconds, 1);
        var report = new HealthReport(reachable ? HealthStatus.Healthy : HealthStatus.Unhealthy, new DatabaseHealth(provider, reachable, latency), Version);
        return Results.Json(report, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
