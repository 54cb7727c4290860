using System.Net;
using System.Text.Json;
using Excellence.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Api;

public class OpenApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement> Document()
    {
        var response = await app.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    [Fact]
    public async Task The_document_lists_every_api_endpoint_the_app_maps()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @":[a-z]+\}", "}")}"))
            .Order().ToList();
        var document = await Document();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order().ToList();

        Assert.Equal(mapped, documented);
        Assert.Contains("GET /api/v1/reference", documented);
        Assert.Contains("GET /api/v1/health", documented);
        Assert.Contains("POST /api/v1/auth/token", documented);
    }

    [Fact]
    public async Task The_document_has_a_title_a_bearer_scheme_and_tags_with_summaries()
    {
        var document = await Document();
        Assert.Equal("卓越管理创新成果评价平台 API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("https://excellence.test", document.GetProperty("servers")[0].GetProperty("url").GetString());
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
            Assert.True(operation.Value.TryGetProperty("tags", out _), $"{operation.Name} {path.Name} has no tag");
        }
    }

    [Fact]
    public async Task Protected_operations_declare_bearer_security_and_401_403_problem_responses()
    {
        var me = (await Document()).GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        Assert.Equal("Bearer", me.GetProperty("security")[0].EnumerateObject().Single().Name);
        foreach (var status in new[] { "401", "403" })
            Assert.Equal("#/components/schemas/ProblemDetails",
                me.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
                    .GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["SignedIn"], me.GetProperty("x-authorization").EnumerateArray().Select(c => c.GetString()));

        var reference = (await Document()).GetProperty("paths").GetProperty("/api/v1/reference").GetProperty("get");
        Assert.False(reference.TryGetProperty("security", out _));
        Assert.Equal(["Anonymous"], reference.GetProperty("x-authorization").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Enums_are_described_as_their_code_names()
    {
        var status = (await Document()).GetProperty("components").GetProperty("schemas").GetProperty("HealthStatus");
        Assert.Equal(["Healthy", "Unhealthy"], status.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }
}
