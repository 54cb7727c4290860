using System.Net;
using Excellence.Tests.Support;

namespace Excellence.Tests.Pages;

public class SignOutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Signing_out_returns_to_the_home_page_signed_out()
    {
        var client = await app.SignedIn(await new Build(app).Applicant());
        var response = await client.PostForm("/", new { }, postPath: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("action=\"/Account/SignOut\"", await client.Html("/"));
    }

    [Fact]
    public async Task Getting_the_sign_out_address_only_redirects_home_and_keeps_the_session()
    {
        var client = await app.SignedIn(await new Build(app).Applicant());
        var response = await client.GetAsync("/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("action=\"/Account/SignOut\"", await client.Html("/"));
    }
}
