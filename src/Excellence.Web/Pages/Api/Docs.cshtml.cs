using Excellence.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Pages.Api;

/// <summary>/api/docs: the API reference, rendered on the server from the OpenAPI document.</summary>
[AllowAnonymous]
public sealed class DocsModel(IOptions<ExcellenceOptions> options) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public async Task OnGetAsync() =>
        Reference = await ApiReference.LoadAsync(HttpContext.RequestServices, options.Value.PublicBaseUrl, HttpContext.RequestAborted);

    /// <summary>The label of a caller: anyone, any signed-in account, or a role.</summary>
    public static string CallerKey(string caller) => caller switch
    {
        Web.Api.OpenApiSetup.Anonymous => "ApiDocs.Caller.Anyone",
        Infrastructure.Auth.Policies.SignedIn => "ApiDocs.Caller.SignedIn",
        Infrastructure.Auth.Policies.Staff => "ApiDocs.Caller.Staff",
        _ => "Role." + caller,
    };
}
