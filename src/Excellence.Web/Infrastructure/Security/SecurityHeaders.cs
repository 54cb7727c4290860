namespace Excellence.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response. The CSP allows no inline script or style, which is why every page keeps
/// its scripts in wwwroot/js and its styles in wwwroot/css.
/// </summary>
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddPermissionsPolicy(b =>
        {
            b.AddCamera().None();
            b.AddMicrophone().None();
            b.AddGeolocation().None();
        })
        .RemoveServerHeader()
        .AddContentSecurityPolicy(b =>
        {
            b.AddDefaultSrc().Self();
            b.AddScriptSrc().Self();
            b.AddStyleSrc().Self();
            b.AddImgSrc().Self().Data().Blob();
            b.AddFontSrc().Self();
            b.AddConnectSrc().Self();
            b.AddObjectSrc().None();
            b.AddBaseUri().Self();
            b.AddFormAction().Self();
            b.AddFrameAncestors().None();
        });

    public const string AttachmentPolicy = "sandbox; default-src 'none'";

    /// <summary>
    /// Every response served as an attachment (evidence, photos, PDFs, exports) gets a sandbox CSP, whichever
    /// handler produced it: should a browser ever render one, it runs no script and loads nothing. Registered
    /// before the site-wide headers, so its callback runs after theirs (OnStarting callbacks run last-in-first-out).
    /// </summary>
    public static IApplicationBuilder UseSandboxedAttachments(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            if (http.Response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
                http.Response.Headers.ContentSecurityPolicy = AttachmentPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    });
}
