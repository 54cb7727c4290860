namespace Excellence.Web.Api;

/// <summary>One endpoint group per area, found by this interface, mapped under /api/v1.</summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}

public static class ApiRegistration
{
    public static WebApplication MapApi(this WebApplication app)
    {
        // The framework's antiforgery is off for the API (bearer tokens are not ambient credentials);
        // cookie-authenticated changes are checked by ApiProblems.RequireAntiforgeryForCookies instead.
        var api = app.MapGroup("/api/v1").DisableAntiforgery().AddEndpointFilter(ApiProblems.RequireAntiforgeryForCookies);
        var groups = typeof(ApiRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiEndpoints).IsAssignableFrom(t))
            .OrderBy(t => t.Name);
        foreach (var type in groups) ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        return app;
    }
}
