using Excellence.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
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

    /// <summary>Text from the OpenAPI document, HTML-encoded, with its `backticked` spans as code.</summary>
    public static IHtmlContent Prose(string? text)
    {
        var builder = new HtmlContentBuilder();
        var parts = (text ?? "").Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1 && i < parts.Length - 1)
                builder.AppendHtml("<code>").Append(parts[i]).AppendHtml("</code>");
            else builder.Append(i % 2 == 1 ? "`" + parts[i] : parts[i]);
        }
        return builder;
    }

    /// <summary>The shape every error answers, shown once instead of under every status.</summary>
    public string ProblemShape => Reference.ProblemShape ?? "";

    /// <summary>The label of a caller: anyone, any signed-in account, or a role.</summary>
    public static string CallerKey(string caller) => caller switch
    {
        Web.Api.OpenApiSetup.Anonymous => "ApiDocs.Caller.Anyone",
        Infrastructure.Auth.Policies.SignedIn => "ApiDocs.Caller.SignedIn",
        Infrastructure.Auth.Policies.Staff => "ApiDocs.Caller.Staff",
        _ => "Role." + caller,
    };
}
