using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Structure;

/// <summary>
/// Every Razor Page POST handler refuses a post without the antiforgery token (400), proven by posting to each
/// one as a user who holds every role, so the folder policies let the request reach the antiforgery check.
/// </summary>
public class AntiforgeryTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Pages allowed to skip the check: the error page, which re-executes failed posts of every other page.</summary>
    public static readonly IReadOnlySet<string> IgnoreAntiforgeryAllowed = new HashSet<string> { "/Error" };

    [Fact]
    public async Task No_page_but_the_error_page_ignores_the_antiforgery_token()
    {
        var ignoring = new List<string>();
        var detected = new List<string>();
        foreach (var endpoint in Endpoints.All(app).Where(Endpoints.IsPage))
        {
            var page = await Endpoints.Compiled(app, endpoint);
            var ignores = page.ModelTypeInfo?.GetCustomAttributes(typeof(IgnoreAntiforgeryTokenAttribute), true).Length > 0
                          || page.HandlerTypeInfo.GetCustomAttributes(typeof(IgnoreAntiforgeryTokenAttribute), true).Length > 0
                          || page.HandlerMethods.Any(h => h.MethodInfo.GetCustomAttributes(typeof(IgnoreAntiforgeryTokenAttribute), true).Length > 0)
                          || endpoint.Metadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any();
            if (ignores) detected.Add(page.ViewEnginePath);
            if (ignores && !IgnoreAntiforgeryAllowed.Contains(page.ViewEnginePath)) ignoring.Add(page.ViewEnginePath);
        }
        Assert.Contains("/Error", detected); // the check sees the attribute where it is
        Assert.Empty(ignoring);
    }

    [Fact]
    public async Task Every_page_post_handler_without_a_token_is_refused_with_400()
    {
        var client = await app.SignedIn(await EveryRole());
        var tried = new List<string>();
        var accepted = new List<string>();
        foreach (var endpoint in Endpoints.All(app).Where(Endpoints.IsPage))
        {
            var page = await Endpoints.Compiled(app, endpoint);
            if (IgnoreAntiforgeryAllowed.Contains(page.ViewEnginePath)) continue;
            foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                var path = Endpoints.Concrete(endpoint) + (handler.Name is null ? "" : "?handler=" + handler.Name);
                var response = await client.PostAsync(path, new FormUrlEncodedContent([new("probe", "1")]));
                tried.Add(path);
                if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{path} → {(int)response.StatusCode}");
            }
        }
        Assert.Contains("/Account/SignIn", tried);
        Assert.Contains("/Culture", tried);
        Assert.True(accepted.Count == 0, "POST handlers that did not refuse a post without a token: " + string.Join(", ", accepted));
    }

    [Fact]
    public async Task The_same_post_with_the_token_is_not_refused()
    {
        var client = app.NewClient();
        var response = await client.PostForm("/", new { culture = "en", returnUrl = "/" }, postPath: "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>One account holding every role (staff roles with two-factor sign-in enrolled, as production requires).</summary>
    private async Task<TestUser> EveryRole()
    {
        var user = await new Build(app).User(Roles.Secretariat, twoFactor: true);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var entity = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.AddToRolesAsync(entity, Roles.All.Where(r => r != Roles.Secretariat));
        return user;
    }
}
