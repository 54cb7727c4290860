using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

public class DiagnosisApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_indicator_system_is_served_in_the_shape_of_the_spec()
    {
        var client = await app.ApiClient(await build.Applicant(), "en");
        var json = await (await client.GetAsync("/api/v1/diagnosis/indicator-system")).Json();
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        var dims = json.GetProperty("dimensions");
        Assert.Equal(8, dims.GetArrayLength());
        var d2 = dims[1];
        Assert.Equal("D2", d2.GetProperty("code").GetString());
        Assert.Equal("Quality management and standardisation", d2.GetProperty("name").GetString());
        Assert.Equal(14m, d2.GetProperty("weight").GetDecimal());
        var q22 = d2.GetProperty("indicators")[1];
        Assert.Equal("2.2", q22.GetProperty("code").GetString());
        Assert.Equal("标准化水平", q22.GetProperty("text").GetString());
        Assert.Equal("Operation", q22.GetProperty("frame").GetString());
        Assert.Equal("Q5", q22.GetProperty("scale").GetString());
        Assert.Equal(3m, q22.GetProperty("weight").GetDecimal());
        Assert.Equal(["无企业标准", "有企业标准", "参与团体标准", "参与行业或地方标准、主导团体标准", "主导国家或国际标准"],
            q22.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("label").GetString()));
        Assert.Equal(40, dims.EnumerateArray().Sum(d => d.GetProperty("indicators").GetArrayLength()));
    }

    [Fact]
    public async Task A_diagnosis_is_started_answered_with_if_match_submitted_and_reported()
    {
        var client = await app.ApiClient(await build.Applicant());
        var started = await client.PostAsync("/api/v1/diagnoses", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Json()).GetProperty("id").GetGuid();
        var etag = started.Headers.ETag!.Tag;

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/diagnoses/{id}") { Content = JsonContent.Create(new { answers = Build.DiagnosisAnswers("D") }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(40, (await saved.Json()).GetProperty("answered").GetInt32());

        // The old ETag is stale now.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/diagnoses/{id}") { Content = JsonContent.Create(new { answers = new Dictionary<string, string> { ["1.1"] = "A" } }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        await app.WithDb(async db => Assert.Equal("D", (await db.Diagnoses.SingleAsync(d => d.Id == id)).Answers["1.1"]));

        var refused = await client.PostAsJsonAsync($"/api/v1/diagnoses/{id}/submit", new { truthfulness = false });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("提交前请确认真实性承诺", (await refused.Json()).GetProperty("errors").GetProperty("truthfulness")[0].GetString());

        var submitted = await client.PostAsJsonAsync($"/api/v1/diagnoses/{id}/submit", new { truthfulness = true });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        // D7 earns 100 % on the veto question "no": 0.10 × 77.5 + 0.90 × 75 = 75.25 → 75.3.
        Assert.Equal(75.3m, (await submitted.Json()).GetProperty("total").GetDecimal());

        var report = await (await client.GetAsync($"/api/v1/diagnoses/{id}/report")).Json();
        Assert.Equal("L4", report.GetProperty("result").GetProperty("level").GetString());
        Assert.False(report.GetProperty("verified").GetBoolean());
        Assert.Equal("OrganizationModel", report.GetProperty("suggestedCategory").GetString());
        Assert.Equal(3, report.GetProperty("weakest").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("peers").ValueKind);
    }

    [Fact]
    public async Task Submitting_with_unanswered_questions_is_refused_and_nothing_changes()
    {
        var client = await app.ApiClient(await build.Applicant(), "en");
        var id = (await (await client.PostAsync("/api/v1/diagnoses", null)).Json()).GetProperty("id").GetGuid();
        var refused = await client.PostAsJsonAsync($"/api/v1/diagnoses/{id}/submit", new { truthfulness = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Answer this question (or choose not applicable)",
            (await refused.Json()).GetProperty("errors").GetProperty("answers[1.1]")[0].GetString());
        await app.WithDb(async db => Assert.Null((await db.Diagnoses.SingleAsync(d => d.Id == id)).SubmittedAt));
    }

    [Fact]
    public async Task Another_organisations_diagnosis_is_not_found_through_the_api()
    {
        var owner = await build.Applicant();
        var ownerClient = await app.ApiClient(owner);
        var id = (await (await ownerClient.PostAsync("/api/v1/diagnoses", null)).Json()).GetProperty("id").GetGuid();
        var other = await app.ApiClient(await build.Applicant());

        var put = await other.PutAsJsonAsync($"/api/v1/diagnoses/{id}", new { answers = new Dictionary<string, string> { ["1.1"] = "E" } });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/diagnoses/{id}/submit", new { truthfulness = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/diagnoses/{id}/report")).StatusCode);
        await app.WithDb(async db => Assert.Empty((await db.Diagnoses.SingleAsync(d => d.Id == id)).Answers));
    }
}
