using System.Net;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Api;

public class ReferenceAndHealthApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_reference_lists_every_option_list_keyed_by_camel_case_name_with_both_labels()
    {
        var response = await app.NewClient().GetAsync("/api/v1/reference");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Json();

        var names = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["organizationNature", "marketEntityType", "industry", "sector", "sectorGroup", "organizationScale", "politicalStatus",
             "gender", "district", "recommenderKind", "category", "level", "stage"],
            names);
        foreach (var (list, codes) in Reference.Lists)
        {
            var items = json.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(list)).EnumerateArray().ToList();
            Assert.Equal(codes, items.Select(i => i.GetProperty("code").GetString()));
            Assert.All(items, i =>
            {
                Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("zh").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("en").GetString()));
            });
        }
    }

    [Fact]
    public async Task Reference_items_carry_the_labels_of_the_forms()
    {
        var json = await (await app.NewClient().GetAsync("/api/v1/reference")).Json();
        var category = json.GetProperty("category")[0];
        Assert.Equal("OrganizationModel", category.GetProperty("code").GetString());
        Assert.Equal(3, category.EnumerateObject().Count());
        var pudong = json.GetProperty("district").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "310115");
        Assert.Equal("浦东新区", pudong.GetProperty("zh").GetString());
        Assert.Equal("Pudong New Area", pudong.GetProperty("en").GetString());
    }

    [Fact]
    public async Task Sector_groups_list_their_sectors_in_the_forms_order()
    {
        var json = await (await app.NewClient().GetAsync("/api/v1/reference")).Json();
        var leading = json.GetProperty("sectorGroup")[0];
        Assert.Equal("Leading", leading.GetProperty("code").GetString());
        Assert.Equal(["IntegratedCircuits", "Biomedicine", "ArtificialIntelligence"],
            leading.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.False(json.GetProperty("sector")[0].TryGetProperty("sectors", out _));
    }

    [Fact]
    public async Task Health_reports_the_database_reachable_to_an_anonymous_caller()
    {
        var response = await app.NewClient().GetAsync("/api/v1/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Json();
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var database = json.GetProperty("database");
        Assert.Equal(TestDatabase.Provider, database.GetProperty("provider").GetString());
        Assert.True(database.GetProperty("reachable").GetBoolean());
        Assert.True(database.GetProperty("latencyMs").GetDouble() >= 0);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_cannot_be_reached()
    {
        var outage = new DatabaseOutage();
        await using var factory = new AppFactory();
        var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDb>(o => o.AddInterceptors(outage));
            services.ConfigureDbContext<PostgresAppDb>(o => o.AddInterceptors(outage));
        })).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);

        outage.Down = true;
        var response = await client.GetAsync("/api/v1/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = await response.Json();
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.Equal(TestDatabase.Provider, json.GetProperty("database").GetProperty("provider").GetString());
    }

    /// <summary>Stands in for a database server that went away: every connection attempt fails while Down.</summary>
    private sealed class DatabaseOutage : DbConnectionInterceptor
    {
        public volatile bool Down;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            Down ? throw new TimeoutException("The database server does not answer.") : ValueTask.FromResult(result);

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Down ? throw new TimeoutException("The database server does not answer.") : result;
    }
}
