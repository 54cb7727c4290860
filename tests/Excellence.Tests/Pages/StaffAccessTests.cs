using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class StaffAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    public static readonly TheoryData<string> SecretariatPages =
        ["/Secretariat/Rounds", "/Secretariat/Rounds/Edit", "/Secretariat/Recommenders", "/Secretariat/Recommenders/Edit",
         "/Staff/Users", "/Staff/Users/Create", "/Staff/Audit", "/Admin/Mail"];

    [Theory]
    [MemberData(nameof(SecretariatPages))]
    public async Task Applicants_and_experts_are_refused_the_staff_pages_and_visitors_are_sent_to_sign_in(string path)
    {
        foreach (var user in new[] { await build.Applicant(), await build.Expert() })
        {
            var client = await app.SignedIn(user);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        }
        var anonymous = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/Account/SignIn", anonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_refused_post_changes_nothing()
    {
        var client = await app.SignedIn(await build.Expert());
        var token = Http.AntiforgeryToken(await client.Html("/"));
        var response = await client.PostAsync("/Secretariat/Recommenders/Edit", new FormUrlEncodedContent(
            [new("Input.Name", "越权创建的单位"), new("Input.Kind", "GroupCompany"), new("Input.ContactName", "某"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await app.WithDb((db, _) => db.RecommenderUnits.CountAsync(u => u.Name == "越权创建的单位")));
    }

    [Fact]
    public async Task The_staff_api_answers_401_to_visitors_and_403_to_applicants_and_experts()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PutAsJsonAsync("/api/v1/rounds/2026", new { })).StatusCode);
        foreach (var user in new[] { await build.Applicant(), await build.Expert() })
        {
            var api = await app.ApiClient(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/rounds", new { year = 2050 })).StatusCode);
        }
        Assert.Equal(0, await app.WithDb((db, _) => db.Rounds.CountAsync(r => r.Year == 2050)));
    }
}
