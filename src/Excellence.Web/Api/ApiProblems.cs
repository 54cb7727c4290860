using System.Globalization;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Excellence.Web.Api;

/// <summary>
/// Under /api every error answers RFC 9457 problem details, never an HTML page or an empty body: the
/// status-code pages are switched off there, and a response that ends in an error without a body
/// (an authentication challenge, a forbidden request, a rate-limit rejection, an unknown route, an
/// unhandled exception) gets a localised problem written here.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!ApiPaths.IsApi(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // The HTML error page is no answer for an API client: log it and answer a 500 problem instead.
            http.RequestServices.GetRequiredService<ILogger<ApiProblemMiddleware>>().LogError(e, "Unhandled exception in {Path}", http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        var response = http.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType)) return;
        await ApiProblems.Write(http, response.StatusCode, KeyFor(response.StatusCode));
    }

    private static string KeyFor(int status) => status switch
    {
        401 => "Api.Unauthorized",
        403 => "Api.Forbidden",
        404 => "Api.NotFound",
        405 => "Api.MethodNotAllowed",
        429 => "Api.TooManyRequests",
        _ => "Api.Error",
    };
}

public static class ApiProblems
{
    /// <summary>A problem whose title is the resource text in the request's language and whose "code" is the key.</summary>
    public static Task Write(HttpContext http, int status, string key) => Problem(http, status, key).ExecuteAsync(http);

    public static IResult Problem(HttpContext http, int status, string key)
    {
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        return Results.Problem(statusCode: status, title: catalog.Text(key, CultureInfo.CurrentUICulture),
            extensions: new Dictionary<string, object?> { ["code"] = key });
    }

    /// <summary>
    /// The API group switches the framework's antiforgery off because a bearer token is not an ambient
    /// credential; a cookie is. So a state-changing request that rides on the sign-in cookie (no
    /// Authorization: Bearer header) must carry the antiforgery token in X-CSRF-TOKEN, like a form post.
    /// </summary>
    public static async ValueTask<object?> RequireAntiforgeryForCookies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (NeedsAntiforgery(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Problem(http, StatusCodes.Status400BadRequest, "Api.AntiforgeryInvalid");
        return await next(context);
    }

    private static bool NeedsAntiforgery(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)) return false;
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return !bearer && http.User.Identity?.IsAuthenticated == true;
    }
}
