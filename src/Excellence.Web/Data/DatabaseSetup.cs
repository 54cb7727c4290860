using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>Applies the provider's migrations at start and makes sure the roles exist.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (!db.IsPostgres)
        {
            // WAL lets readers proceed while one writer writes: the embedded database serves many users.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new Role(name));
    }
}

/// <summary>Brings the schema up to date when the host starts (the server and the test host alike).</summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSetup.MigrateAsync(services, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
