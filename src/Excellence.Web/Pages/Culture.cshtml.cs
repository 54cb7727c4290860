using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages;

/// <summary>The language switch: remembers the choice in a cookie for a year and returns to the page.</summary>
[AllowAnonymous]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "zh-CN";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax });
        // Drop a culture in the query string, which would otherwise override the cookie.
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        target = System.Text.RegularExpressions.Regex.Replace(target, @"([?&])culture=[^&]*&?", "$1").TrimEnd('?', '&');
        return LocalRedirect(string.IsNullOrEmpty(target) ? "/" : target);
    }
}
