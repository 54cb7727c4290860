using Excellence.Web.Features.Results;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Excellence.Web.Pages;

/// <summary>
/// The page the certificate's QR code opens: genuine (with its public facts) or revoked (with the date). A miss is one
/// fixed 404 page, whatever was asked. Rate-limited per address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.VerifyRateLimit)]
public sealed class VerifyModel(VerifyCertificate.Handler verify) : PageModel
{
    public VerifyCertificate.Verification? Result { get; private set; }

    public async Task OnGetAsync(string code)
    {
        var outcome = await verify.HandleAsync(code);
        Result = outcome.Value;
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
