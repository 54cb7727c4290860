// The application on Kestrel over loopback for the HTTP benchmarks: the test suite's AppFactory with a throw-away
// data directory and database; --postgres "<server connection string>" switches it to PostgreSQL.
using Excellence.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

static class BenchHost
{
    /// <summary>Points the factory at PostgreSQL when --postgres is given; returns the database's name for the report.</summary>
    public static string SelectDatabase(string[] args)
    {
        var pg = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        if (pg is null) return "SQLite";
        Environment.SetEnvironmentVariable("EXCELLENCE_TEST_DB", "postgres");
        Environment.SetEnvironmentVariable("EXCELLENCE_TEST_PG", pg);
        return "PostgreSQL";
    }

    /// <summary>Starts the application on a free loopback port; the caller disposes the factory.</summary>
    public static (AppFactory App, string BaseUrl) Start()
    {
        // WebApplicationFactory reads MvcTestingAppManifest.json (the web project's content root) from the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var app = new AppFactory();
        // Retries log expected unique violations at Error level; failures are counted by status instead.
        app.With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return (app, baseUrl);
    }
}
