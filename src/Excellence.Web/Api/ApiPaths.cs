namespace Excellence.Web.Api;

/// <summary>
/// Which requests are API calls: everything under /api except the human-readable reference at /api/docs,
/// which is a page like any other (HTML errors, ?culture and the cookie for its language).
/// </summary>
public static class ApiPaths
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/docs");
}
