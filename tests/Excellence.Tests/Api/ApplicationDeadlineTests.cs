using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;

namespace Excellence.Tests.Api;

/// <summary>The deadline by the server's clock in Asia/Shanghai, the per-category cap and the confirmation mail.</summary>
public class ApplicationDeadlineTests
{
    [Fact]
    public async Task Submitting_at_14_59_59_Shanghai_is_accepted_and_confirmed_by_mail()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var applicant = await build.Applicant(org);
        app.Clock.Set(new DateTimeOffset(2026, 8, 23, 14, 59, 59, TimeSpan.FromHours(8)));
        var client = await app.ApiClient(applicant);

        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-OM-0001", (await response.Json()).GetProperty("receiptNumber").GetString());
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.AwaitingRecommendation, stored.Stage);
        Assert.Equal(new DateTime(2026, 8, 23, 6, 59, 59, DateTimeKind.Utc), stored.SubmittedAt);
        Assert.Contains("\"title\":\"全面质量管理创新实践\"", stored.SnapshotJson);
        Assert.Contains($"\"name\":\"{org.Name}\"", stored.SnapshotJson);
        var mails = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.Single(mails, m => m.Contains(org.ContactEmail));
    }

    [Fact]
    public async Task Submitting_at_15_00_00_Shanghai_is_refused_and_nothing_changes()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await build.Organization();
        var a = await build.Application(org, await build.Recommender());
        var applicant = await build.Applicant(org);
        app.Clock.Set(new DateTimeOffset(2026, 8, 23, 15, 0, 0, TimeSpan.FromHours(8)));
        var client = await app.ApiClient(applicant, "en");

        var response = await client.PostAsync($"/api/v1/applications/{a.Id}/submit", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("Application.DeadlinePassed", problem.GetProperty("code").GetString());
        Assert.Equal("The submission deadline has passed", problem.GetProperty("title").GetString());
        var stored = (await build.Reload(a.Id))!;
        Assert.Equal(Stage.Draft, stored.Stage);
        Assert.Null(stored.ReceiptNumber);
        Assert.Null(stored.SubmittedAt);
        Assert.Null(stored.SnapshotJson);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "mail")) && Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Length > 0);
        // The draft can still be read after the deadline.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/applications/{a.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_per_category_cap_refuses_one_more_draft_but_other_categories_stay_open()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        await build.Round(2026, r => r.Categories.First(c => c.Category == Category.OrganizationModel).MaxPerOrganization = 1);
        var org = await build.Organization();
        var client = await app.ApiClient(await build.Applicant(org), "en");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/applications", new { year = 2026, category = "OrganizationModel" })).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/v1/applications", new { year = 2026, category = "OrganizationModel" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Your organisation already has 1 applications in this category, this year's limit", (await refused.Json()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/applications", new { year = 2026, category = "SinglePractice" })).StatusCode);
        Assert.Equal(2, (await (await client.GetAsync("/api/v1/applications")).Json()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_draft_cannot_be_started_in_a_year_that_has_closed()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        await build.Round(2026);
        var org = await build.Organization();
        var applicant = await build.Applicant(org);
        app.Clock.Set(new DateTimeOffset(2026, 8, 23, 15, 0, 0, TimeSpan.FromHours(8)));
        var client = await app.ApiClient(applicant);
        var refused = await client.PostAsJsonAsync("/api/v1/applications", new { year = 2026, category = "OrganizationModel" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/applications")).Json()).GetProperty("total").GetInt32());
    }
}
