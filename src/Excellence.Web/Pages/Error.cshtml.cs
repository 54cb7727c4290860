using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Generic";

    public void OnGet(int? code) => TitleKey = code switch
    {
        404 => "Error.NotFound",
        403 => "Error.Forbidden",
        429 => "Error.TooMany",
        _ => "Error.Generic",
    };

    public void OnPost(int? code) => OnGet(code);
}
