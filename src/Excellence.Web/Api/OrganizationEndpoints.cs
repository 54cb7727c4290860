using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>
/// The caller's own organisation. GET answers an ETag W/"version"; PUT requires If-Match with it, so a client
/// never overwrites a profile it has not seen (412 otherwise, nothing written).
/// </summary>
public sealed class OrganizationEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapGet("/me", Get).RequireAuthorization(Policies.Applicant)
            .WithSummary("The caller's organisation profile (contact mobile masked), with its version as ETag");
        group.MapPut("/me", Put).RequireAuthorization(Policies.Applicant)
            .WithSummary("Replace the profile; If-Match: W/\"version\" required; an empty or masked contactMobile keeps the stored one");
    }

    public sealed record ProfileResponse(Guid Id, OrganizationProfile Profile, int Version, DateTime UpdatedAt, IReadOnlyList<string>? Warnings = null);

    private static async Task<IResult> Get(HttpContext http, GetOrganizationProfile.Handler handler)
    {
        var outcome = await handler.Handle(http.RequiredActor(), http.RequestAborted);
        return outcome.ToResult(http, view =>
        {
            http.Response.Headers.ETag = ETag(view.Version);
            return Results.Ok(new ProfileResponse(view.Id, view.Profile, view.Version, view.UpdatedAt));
        });
    }

    private static async Task<IResult> Put(OrganizationProfile profile, HttpContext http, UpdateOrganizationProfile.Handler handler,
        GetOrganizationProfile.Handler reader)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                title: Text(http, "Api.IfMatchRequired"), extensions: new Dictionary<string, object?> { ["code"] = "Api.IfMatchRequired" });
        if (ParseVersion(ifMatch) is not { } version)
            return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: Text(http, "Validation.Stale"));

        var outcome = await handler.Handle(http.RequiredActor(), new UpdateOrganizationProfile.Command(profile, version), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = (await reader.Handle(http.RequiredActor(), http.RequestAborted)).Value!;
        http.Response.Headers.ETag = ETag(view.Version);
        var catalog = http.RequestServices.GetRequiredService<Infrastructure.Localization.StringCatalog>();
        var warnings = outcome.Value!.Warnings.Select(w => catalog.Text(w.Problem, System.Globalization.CultureInfo.CurrentUICulture)).ToList();
        return Results.Ok(new ProfileResponse(view.Id, view.Profile, view.Version, view.UpdatedAt, warnings));
    }

    public static string ETag(int version) => $"W/\"{version}\"";

    /// <summary>W/"7" or "7" → 7; anything else (including *) is not a version this API issued.</summary>
    public static int? ParseVersion(string ifMatch)
    {
        var s = ifMatch.Trim();
        if (s.StartsWith("W/", StringComparison.Ordinal)) s = s[2..];
        s = s.Trim('"');
        return int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Text(HttpContext http, string key) =>
        http.RequestServices.GetRequiredService<Infrastructure.Localization.StringCatalog>().Text(key, System.Globalization.CultureInfo.CurrentUICulture);
}
