using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Api;
using Excellence.Web.Infrastructure.Security;

namespace Excellence.Web.Infrastructure.Hosting;

public static class PipelineSetup
{
    public static WebApplication UseExcellence(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSandboxedAttachments();
        app.UseSecurityHeaders(SecurityHeaders.Policy());
        if (app.Configuration["PublicBaseUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true) app.UseHsts();
        // Before the error pages, so a re-executed error page keeps the language of the request that failed.
        app.UseRequestLocalization(CultureSetup.Options());
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", AllowStatusCode404Response = true });
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<ApiProblemMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        app.MapApi();
        return app;
    }
}
