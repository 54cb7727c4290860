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

        // Reference data every instance needs (e.g. the default indicator system), idempotent.
        foreach (var seeder in Seeders<IReferenceDataSeeder>())
            await seeder.SeedAsync(scope.ServiceProvider, ct);
    }

    /// <summary>Instances of every seeder of a kind in this assembly, in name order (each area adds its own).</summary>
    public static IEnumerable<T> Seeders<T>() => typeof(DatabaseSetup).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t)!);
}

/// <summary>Brings the schema up to date when the host starts (the server and the test host alike).</summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSetup.MigrateAsync(services, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Writes reference data at every start (idempotent). Not demo data: no accounts.</summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Writes an area's demo data after the core demo data, only with --demo or seed-demo (idempotent).</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}
