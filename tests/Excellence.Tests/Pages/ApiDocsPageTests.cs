using System.Net;
using Excellence.Tests.Support;

namespace Excellence.Tests.Pages;

public class ApiDocsPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_api_reference_shows_every_operation_grouped_by_tag_with_who_may_call_it()
    {
        var html = await app.NewClient().Html("/api/docs");
        Assert.Contains("<h1 class=\"page-title mb-1\">接口文档", html);
        Assert.Contains("id=\"tag-auth\"", html);
        Assert.Contains("id=\"tag-reference\"", html);
        Assert.Contains("<code class=\"api-path\">/api/v1/auth/token</code>", html);
        Assert.Contains("<code class=\"api-path\">/api/v1/health</code>", html);
        Assert.Contains("<code class=\"api-path\">/api/v1/audit/verification</code>", html);
        Assert.Contains("秘书处或管理员", html);
        Assert.Contains("curl -X POST &#x27;https://excellence.test/api/v1/auth/token&#x27;", html);
        Assert.Contains("Authorization: Bearer $TOKEN", html);
        Assert.Contains("<code>organizationNature</code>", html);
        Assert.Contains("错误响应（problem details）的结构", html);
        Assert.Contains("&quot;status&quot;?: integer (int32) | null", html);
    }

    [Fact]
    public async Task The_api_reference_follows_the_culture_switch_and_has_no_inline_script_or_style()
    {
        var html = await app.NewClient().Html("/api/docs?culture=en");
        Assert.Contains("<h1 class=\"page-title mb-1\">API reference", html);
        Assert.Contains("Any signed-in user", html);
        Assert.DoesNotContain("style=\"", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task The_footer_links_to_the_api_reference()
    {
        var html = await app.NewClient().Html("/");
        Assert.Contains("href=\"/api/docs\"", html);
    }

    [Fact]
    public async Task The_openapi_document_is_public()
    {
        var response = await app.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
