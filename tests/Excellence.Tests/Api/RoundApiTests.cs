using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

public class RoundApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static object Body(int year, string title = "接口创建的年度") => new
    {
        year, title, titleEn = "Created by API", noticeNumber = $"沪质协〔{year}〕1号", noticeText = "正文",
        submissionDeadline = $"{year}-08-23T15:00:00+08:00",
        timeline = new[] { new { kind = "Application", name = "申报", nameEn = "Applications", startsOn = $"{year}-06-01", endsOn = $"{year}-08-23" } },
        categories = new[]
        {
            new { category = "OrganizationModel", enabled = true, titleLimit = 30, overviewLimit = 2000, contentLimit = 8000, effectivenessLimit = 3000, maxPerOrganization = (int?)null },
            new { category = "SinglePractice", enabled = true, titleLimit = 30, overviewLimit = 2000, contentLimit = 8000, effectivenessLimit = 3000, maxPerOrganization = (int?)2 },
            new { category = "IndividualExperience", enabled = false, titleLimit = 30, overviewLimit = 2000, contentLimit = 5000, effectivenessLimit = 3000, maxPerOrganization = (int?)null },
        },
        evidenceLimits = new { fileMb = 20, totalMb = 100 },
        contact = new { department = "会员与质量推进部", person = "联系人", phone = "021-62524131", email = "c@test.local" },
    };

    [Fact]
    public async Task The_public_reads_a_year_with_its_deadline_in_Shanghai_time_and_an_ETag()
    {
        await build.Round(2041);
        var response = await app.NewClient().GetAsync("/api/v1/rounds/2041");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.ToString());
        var json = await response.Json();
        Assert.Equal(2041, json.GetProperty("year").GetInt32());
        Assert.Equal("2041年卓越管理创新成果评价", json.GetProperty("title").GetString());
        Assert.Equal("2041 evaluation", json.GetProperty("titleEn").GetString());
        Assert.Equal("沪质协〔2041〕42号", json.GetProperty("noticeNumber").GetString());
        Assert.Equal("Upcoming", json.GetProperty("status").GetString());
        Assert.Equal("2041-08-23T15:00:00+08:00", json.GetProperty("submissionDeadline").GetString());
        var timeline = json.GetProperty("timeline");
        Assert.Equal(3, timeline.GetArrayLength());
        Assert.Equal("Application", timeline[1].GetProperty("kind").GetString());
        Assert.Equal("2041-06-01", timeline[1].GetProperty("startsOn").GetString());
        var categories = json.GetProperty("categories");
        Assert.Equal(["OrganizationModel", "SinglePractice", "IndividualExperience"], categories.EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        Assert.Equal(5000, categories[2].GetProperty("contentLimit").GetInt32());
        Assert.Equal(JsonValueKind.Null, categories[2].GetProperty("maxPerOrganization").ValueKind);
        Assert.Equal(20, json.GetProperty("evidenceLimits").GetProperty("fileMb").GetInt32());
        Assert.Equal(100, json.GetProperty("evidenceLimits").GetProperty("totalMb").GetInt32());

        var list = await (await app.NewClient().GetAsync("/api/v1/rounds")).Json();
        var years = await app.WithDb((db, _) => db.Rounds.CountAsync());
        Assert.Equal(years, list.GetProperty("total").GetInt32());
        Assert.Equal(years, list.GetProperty("items").GetArrayLength());
        Assert.Contains(2041, list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("year").GetInt32()));
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/api/v1/rounds/2099")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_creates_a_year_and_invalid_fields_come_back_keyed_in_camel_case()
    {
        var api = await app.ApiClient(await build.Secretariat(), "en");
        var created = await api.PostAsJsonAsync("/api/v1/rounds", Body(2042));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/rounds/2042", created.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag!.ToString());
        var saved = await app.WithDb((db, _) => db.Rounds.Include(r => r.Categories).SingleAsync(r => r.Year == 2042));
        Assert.False(saved.Categories.Single(c => c.Category == Excellence.Web.Domain.Category.IndividualExperience).Enabled);

        var invalid = await api.PostAsJsonAsync("/api/v1/rounds", Body(2043, title: ""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Json()).GetProperty("errors");
        Assert.Equal("This field is required", errors.GetProperty("title")[0].GetString());
        Assert.Equal(0, await app.WithDb((db, _) => db.Rounds.CountAsync(r => r.Year == 2043)));
    }

    [Fact]
    public async Task A_change_needs_the_current_ETag_and_a_stale_one_gets_412_with_nothing_written()
    {
        await build.Round(2044);
        var api = await app.ApiClient(await build.Secretariat());
        var read = await api.GetAsync("/api/v1/rounds/2044");
        var etag = read.Headers.ETag!.ToString();

        var noHeader = await api.PutAsJsonAsync("/api/v1/rounds/2044", Body(2044, "无版本"));
        Assert.Equal((HttpStatusCode)428, noHeader.StatusCode);

        var first = new HttpRequestMessage(HttpMethod.Put, "/api/v1/rounds/2044") { Content = JsonContent.Create(Body(2044, "第一次修改")) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var ok = await api.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"1\"", ok.Headers.ETag!.ToString());

        var second = new HttpRequestMessage(HttpMethod.Put, "/api/v1/rounds/2044") { Content = JsonContent.Create(Body(2044, "过期的修改")) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        var stale = await api.SendAsync(second);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var round = await app.WithDb((db, _) => db.Rounds.SingleAsync(r => r.Year == 2044));
        Assert.Equal("第一次修改", round.Title);
        Assert.Equal(1, round.Version);
    }

    [Fact]
    public async Task Applicants_experts_and_anonymous_callers_cannot_write_years()
    {
        var anonymous = await app.NewClient().PostAsJsonAsync("/api/v1/rounds", Body(2045));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var applicant = await (await app.ApiClient(await build.Applicant())).PostAsJsonAsync("/api/v1/rounds", Body(2045));
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
        var expert = await (await app.ApiClient(await build.Expert())).PostAsJsonAsync("/api/v1/rounds", Body(2045));
        Assert.Equal(HttpStatusCode.Forbidden, expert.StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.Rounds.CountAsync(r => r.Year == 2045)));
    }
}
