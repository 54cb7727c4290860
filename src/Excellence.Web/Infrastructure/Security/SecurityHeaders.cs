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
}
