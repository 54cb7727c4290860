using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Structure;

/// <summary>
/// No GET changes data: every parameterless page and API GET route, requested anonymously and as each role,
/// leaves the audit log and every table's row count exactly as they were (and never answers 500).
/// </summary>
public class GetRequestsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task No_get_request_changes_any_table_for_any_visitor()
    {
        var build = new Build(app);
        await build.Round(2026);
        var visitors = new List<(string Who, HttpClient Client)> { ("anonymous", app.NewClient()) };
        visitors.Add(("applicant", await app.SignedIn(await build.Applicant())));
        visitors.Add(("recommender", await app.SignedIn(await build.RecommenderUser())));
        visitors.Add(("secretariat", await app.SignedIn(await build.Secretariat())));
        visitors.Add(("expert", await app.SignedIn(await build.Expert())));
        visitors.Add(("approver", await app.SignedIn(await build.Approver())));
        visitors.Add(("administrator", await app.SignedIn(await build.Administrator())));

        var routes = Endpoints.All(app)
            .Where(e => !Endpoints.HasParameters(e) && Endpoints.Methods(e) is var m && (m.Count == 0 || m.Contains("GET")))
            .Where(e => Endpoints.IsPage(e) || Endpoints.Route(e).StartsWith("/api/", StringComparison.Ordinal))
            .Select(Endpoints.Route).Distinct().Order().ToList();
        Assert.Contains("/", routes);
        Assert.Contains("/api/v1/reference", routes);

        // Signing in writes (last sign-in time, its audit entry): the baseline is taken after it.
        var before = await Counts();
        Assert.Contains("AspNetUsers", before.Keys);
        var crashes = new List<string>();
        foreach (var (who, client) in visitors)
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            if (response.StatusCode == HttpStatusCode.InternalServerError) crashes.Add($"{who} GET {route}");
        }
        var after = await Counts();

        Assert.Empty(crashes);
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k)} → {after.GetValueOrDefault(k)}").ToList();
        Assert.True(changed.Count == 0, "GET requests changed: " + string.Join(", ", changed));
    }

    /// <summary>The row count of every table the model maps (the audit log among them).</summary>
    private Task<SortedDictionary<string, int>> Counts() => app.WithDb(async (db, _) =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
        counts["(audit entries)"] = await db.AuditEvents.CountAsync();
        return counts;
    });
}
