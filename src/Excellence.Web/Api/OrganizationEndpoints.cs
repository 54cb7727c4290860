using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>
/// The caller's own organisation. GET answers the version as ETag; PUT requires If-Match with it, so a client
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
            .WithSummary("Replace the profile; If-Match with the ETag required; an empty or masked contactMobile keeps the stored one");
    }

    public sealed record ProfileResponse(Guid Id, OrganizationProfile Profile, int Version, DateTime UpdatedAt, IReadOnlyList<string>? Warnings = null);

    private static async Task<IResult> Get(HttpContext http, GetOrganizationProfile.Handler handler)
    {
        var outcome = await handler.Handle(http.RequiredActor(), http.RequestAborted);
        return outcome.ToResult(http, view =>
        {
            return ETags.With(http, view.Version, Results.Ok(new ProfileResponse(view.Id, view.Profile, view.Version, view.UpdatedAt)));
        });
    }

    private static async Task<IResult> Put(OrganizationProfile profile, HttpContext http, UpdateOrganizationProfile.Handler handler,
        GetOrganizationProfile.Handler reader)
    {
        if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
        if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);

        var outcome = await handler.Handle(http.RequiredActor(), new UpdateOrganizationProfile.Command(profile, version), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = (await reader.Handle(http.RequiredActor(), http.RequestAborted)).Value!;
        var catalog = http.RequestServices.GetRequiredService<Infrastructure.Localization.StringCatalog>();
        var warnings = outcome.Value!.Warnings.Select(w => catalog.Text(w.Problem, System.Globalization.CultureInfo.CurrentUICulture)).ToList();
        return ETags.With(http, view.Version, Results.Ok(new ProfileResponse(view.Id, view.Profile, view.Version, view.UpdatedAt, warnings)));
    }
}
