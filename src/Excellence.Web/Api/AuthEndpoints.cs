using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Api;

/// <summary>POST /api/v1/auth/token: e-mail and password (and a TOTP code when enrolled) → bearer token.</summary>
public sealed class AuthEndpoints : IApiEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);

    public void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().RequireRateLimiting(ServiceSetup.AuthRateLimit)
            .WithTags("Auth").WithSummary("Exchange e-mail and password for a bearer token (lockout applies)")
            .WithDescription("Send `twoFactorCode` (the authenticator's six digits) when the account has two-factor sign-in. " +
                "Use the answered `accessToken` as `Authorization: Bearer …` for 8 hours. Rate-limited per client address (429).")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> IssueToken(TokenRequest request, HttpContext http, UserManager<User> users,
        SignInManager<User> signIn, IOptions<ExcellenceOptions> options)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null) return Refused(http, "Account.BadCredentials", 401);
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut) return Refused(http, "Account.LockedOut", 403);
        if (check.IsNotAllowed) return Refused(http, "Account.NotAllowed", 403);
        if (!check.Succeeded) return Refused(http, "Account.BadCredentials", 401);

        if (user.TwoFactorEnabled)
        {
            var code = (request.TwoFactorCode ?? "").Replace(" ", "").Replace("-", "");
            if (code.Length == 0) return Refused(http, "Account.TwoFactorCodeRequired", 401);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Refused(http, "Account.BadTwoFactorCode", 401);
            }
        }
        else if (options.Value.RequireTwoFactorForStaff
                 && (await users.GetRolesAsync(user)).Any(Roles.RequireTwoFactor.Contains))
        {
            return Refused(http, "Account.TwoFactorEnrolmentRequired", 403);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult Refused(HttpContext http, string key, int status)
    {
        var catalog = http.RequestServices.GetRequiredService<Infrastructure.Localization.StringCatalog>();
        return Results.Problem(statusCode: status, title: catalog.Text(key, System.Globalization.CultureInfo.CurrentUICulture),
            extensions: new Dictionary<string, object?> { ["code"] = key });
    }
}
