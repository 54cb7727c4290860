using Excellence.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Support;

/// <summary>
/// The whole application in-process over a real database (SQLite file or PostgreSQL, per
/// <see cref="TestDatabase"/>), with its own data directory and an injected clock.
/// Use as IClassFixture&lt;AppFactory&gt;; a test that needs different settings makes its own.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Thursday 2026-06-18 10:00 Shanghai, inside the default test year's application phase.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 6, 18, 10, 0, 0, TimeSpan.FromHours(8));

    public TestClock Clock { get; } = new(DefaultNow);
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "excellence-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgres;
    public string? PostgresConnection => postgres;
    private readonly Dictionary<string, string?> settings = new();

    public AppFactory()
    {
        Directory.CreateDirectory(DataDirectory);
        if (TestDatabase.IsPostgres) postgres = TestDatabase.CreatePostgresDatabase();
    }

    /// <summary>Overrides a configuration key before the host is built.</summary>
    public AppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        if (postgres is not null) builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("PublicBaseUrl", "https://excellence.test");
        builder.UseSetting("RateLimits:AuthPermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:VerifyPermitsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, https so Secure cookies flow.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    /// <summary>Runs code against the app's services in a scope of its own (arrange and assert on the database).</summary>
    public async Task<T> WithDb<T>(Func<AppDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider);
    }

    public Task WithDb(Func<AppDb, Task> work) => WithDb<bool>(async (db, _) => { await work(db); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (postgres is not null) TestDatabase.DropPostgresDatabase(postgres);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
