using Excellence.Tests.Support;
using Microsoft.AspNetCore.Authorization;

namespace Excellence.Tests.Structure;

/// <summary>
/// Every endpoint says who may call it: a policy or roles, or [AllowAnonymous] — never the fallback by
/// omission — and every anonymous endpoint is one this list names on purpose.
/// </summary>
public class EndpointAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// The public surface. Adding an anonymous page or API endpoint means adding its route here, in the
    /// same commit, so a reviewer sees the platform's public surface grow.
    /// </summary>
    public static readonly IReadOnlySet<string> PublicRoutes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // Pages
        "/", "/Index", "/years/{year:int}", "/Error", "/Culture",
        "/Account/SignIn", "/Account/SignInTwoFactor", "/Account/SignOut", "/Account/AccessDenied",
        "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Invitation", "/Account/SetPassword",
        "/api/docs", "/Diagnosis", "/Diagnosis/Index",
        // API and its description
        "/openapi/{documentName}.json",
        "/api/v1/auth/token", "/api/v1/reference", "/api/v1/health",
        "/api/v1/rounds", "/api/v1/rounds/{year:int}",
        // Results (issue 5): the final list, its Excel, certificate verification
        "/Results", "/Results/Index", "/verify/{code}",
        "/api/v1/results", "/api/v1/results.xlsx", "/api/v1/certificates/verify/{code}",
        // Public notice (公示) and real-name objections (异议)
        "/Notices", "/Notices/Index", "/Notices/{id:guid}", "/Notices/{id:guid}/object",
        "/api/v1/notices", "/api/v1/notices/current", "/api/v1/notices/{id:guid}", "/api/v1/notices/{id:guid}/objections",
    };

    [Fact]
    public void Every_endpoint_has_explicit_authorization_metadata()
    {
        var implicitOnes = Endpoints.All(app)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any()
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(Endpoints.Route).Distinct().Order().ToList();
        Assert.True(implicitOnes.Count == 0,
            "These endpoints rely on the fallback policy; give them .RequireAuthorization(Policies.X), a folder policy, [Authorize(Policy = …)] or [AllowAnonymous]: "
            + string.Join(", ", implicitOnes));
    }

    [Fact]
    public void Every_anonymous_endpoint_is_on_the_public_allowlist()
    {
        var anonymous = Endpoints.All(app).Where(e => e.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any())
            .Select(Endpoints.Route).Distinct().Order().ToList();
        var unexpected = anonymous.Where(r => !PublicRoutes.Contains(r)).ToList();
        Assert.True(unexpected.Count == 0, "Anonymous endpoints not on the public allowlist (EndpointAuthorizationTests.PublicRoutes): " + string.Join(", ", unexpected));
    }

    [Fact]
    public void The_allowlist_names_only_endpoints_that_exist_and_are_public()
    {
        var anonymous = Endpoints.All(app).Where(e => e.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any())
            .Select(Endpoints.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(PublicRoutes.Where(r => !anonymous.Contains(r)));
    }

    [Fact]
    public void An_endpoint_is_never_both_anonymous_and_restricted_to_a_role()
    {
        var both = Endpoints.All(app)
            .Where(e => e.Metadata.GetOrderedMetadata<IAllowAnonymous>().Any()
                        && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || (a.Policy is not null && a.Policy != "SignedIn")))
            .Select(Endpoints.Route).Distinct().ToList();
        Assert.Empty(both);
    }
}
