using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Excellence.Web.Infrastructure.Localization;

/// <summary>
/// zh-CN unless asked otherwise. Pages follow ?culture= and the remembered cookie only (a browser set to
/// English still gets the Chinese site until the visitor switches); the API follows Accept-Language.
/// </summary>
public static class CultureSetup
{
    public static readonly CultureInfo[] Supported = [new("zh-CN"), new("en")];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new ApiAcceptLanguageProvider(),
        ];
        return options;
    }

    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider inner = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Api.ApiPaths.IsApi(httpContext.Request.Path)
                ? inner.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }
}
