using Excellence.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Structure;

/// <summary>
/// Every endpoint the app maps (Razor Pages, minimal APIs, the OpenAPI document), read from the app's own
/// EndpointDataSource, so the structural tests cover endpoints added after they were written.
/// </summary>
public static class Endpoints
{
    public static IReadOnlyList<RouteEndpoint> All(AppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>The route as a path template with a leading slash: "/", "/Account/SignIn", "/api/v1/health".</summary>
    /// <summary>The route as written, with one leading and no trailing slash ("/api/v1/rounds", "/").</summary>
    public static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');

    public static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    public static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];

    public static bool HasParameters(RouteEndpoint endpoint) => endpoint.RoutePattern.Parameters.Count > 0;

    /// <summary>The route with every parameter filled with a harmless value (optional ones dropped).</summary>
    public static string Concrete(RouteEndpoint endpoint)
    {
        var segments = new List<string>();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => Sample(p),
                _ => "",
            }));
            if (text.Length > 0) segments.Add(text);
        }
        return "/" + string.Join("/", segments);
    }

    private static string Sample(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p)
    {
        var constraints = string.Join(",", p.ParameterPolicies.Select(c => c.Content ?? ""));
        if (constraints.Contains("guid")) return Guid.Empty.ToString();
        if (constraints.Contains("int") || constraints.Contains("long")) return "2026";
        return "sample";
    }

    /// <summary>A page's compiled descriptor, with its handler methods (POST handlers, their names).</summary>
    public static async Task<CompiledPageActionDescriptor> Compiled(AppFactory app, RouteEndpoint endpoint)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        return await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
    }
}
