using Excellence.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Infrastructure.Auth;

/// <summary>A disabled account cannot sign in at all (the pre-sign-in check answers NotAllowed).</summary>
public sealed class AppSignInManager(
    UserManager<User> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<User> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(User user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
