using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>What every API endpoint inherits: problem bodies for refusals, antiforgery for cookie-borne changes, the OpenAPI document.</summary>
public class ApiConventionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task An_anonymous_call_to_a_protected_endpoint_gets_a_401_problem_in_chinese_by_default()
    {
        var response = await app.NewClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Json();
        Assert.Equal(401, json.GetProperty("status").GetInt32());
        Assert.Equal("请先登录（或提供有效的访问令牌）。", json.GetProperty("title").GetString());
        Assert.Equal("Api.Unauthorized", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bad_bearer_token_gets_a_401_problem_in_english_when_asked()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sign in first (or send a valid bearer token).", (await response.Json()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bearer_caller_without_the_role_gets_a_403_problem()
    {
        var applicant = await build.Applicant();
        var response = await (await app.ApiClient(applicant, "en")).GetAsync("/api/v1/audit/verification");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Json();
        Assert.Equal("Your account may not do this.", json.GetProperty("title").GetString());
        Assert.Equal("Api.Forbidden", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cookie_caller_without_the_role_gets_a_403_problem_not_a_redirect()
    {
        var applicant = await build.Applicant();
        var client = await app.SignedIn(applicant);
        var response = await client.GetAsync("/api/v1/audit/verification");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("您的账号无权执行此操作。", (await response.Json()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_staff_account_without_two_factor_gets_a_localised_403_problem_from_the_api()
    {
        var secretariat = await build.User(Excellence.Web.Domain.Roles.Secretariat);
        var client = await app.SignedIn(secretariat);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Json();
        Assert.Equal("This account must enrol two-factor sign-in first.", json.GetProperty("title").GetString());
        Assert.Equal("Api.TwoFactorRequired", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_secretariat_may_verify_the_audit_chain_and_sees_it_intact()
    {
        var secretariat = await build.Secretariat();
        var response = await (await app.ApiClient(secretariat)).GetAsync("/api/v1/audit/verification");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Json();
        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Equal(await app.WithDb((db, _) => db.AuditEvents.CountAsync()), json.GetProperty("entries").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("brokenAtSeq").ValueKind);
    }

    [Fact]
    public async Task Me_answers_the_account_behind_a_bearer_token()
    {
        var applicant = await build.Applicant();
        var json = await (await (await app.ApiClient(applicant)).GetAsync("/api/v1/me")).Json();
        Assert.Equal(applicant.Id, json.GetProperty("id").GetGuid());
        Assert.Equal(["Applicant"], json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(applicant.OrganizationId, json.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task An_unknown_api_route_answers_a_problem_not_the_html_error_page()
    {
        var secretariat = await build.Secretariat();
        var response = await (await app.ApiClient(secretariat, "en")).GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The requested resource was not found.", (await response.Json()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_cookie_authenticated_change_without_the_antiforgery_header_is_refused_with_400_and_issues_nothing()
    {
        var applicant = await build.Applicant();
        var client = await app.SignedIn(applicant);
        var before = await AuditCount();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = applicant.Email, password = applicant.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Json();
        Assert.Equal("Api.AntiforgeryInvalid", json.GetProperty("code").GetString());
        Assert.False(json.TryGetProperty("accessToken", out _));
        Assert.Equal(before, await AuditCount());
        Assert.Equal(0, await app.WithDb((db, _) => db.Users.Where(u => u.Id == applicant.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task A_cookie_authenticated_change_with_a_forged_antiforgery_header_is_refused_with_400()
    {
        var applicant = await build.Applicant();
        var client = await app.SignedIn(applicant);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = applicant.Email, password = applicant.Password }),
        };
        request.Headers.Add("X-CSRF-TOKEN", "forged");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Api.AntiforgeryInvalid", (await response.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cookie_authenticated_change_with_the_pages_antiforgery_token_goes_through()
    {
        var applicant = await build.Applicant();
        var client = await app.SignedIn(applicant);
        var token = Http.AntiforgeryToken(await client.Html("/"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = applicant.Email, password = applicant.Password }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Json()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task A_bearer_authenticated_change_needs_no_antiforgery_header()
    {
        var applicant = await build.Applicant();
        var client = await app.ApiClient(applicant);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = applicant.Email, password = applicant.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<int> AuditCount() => app.WithDb((db, _) => db.AuditEvents.CountAsync());
}
