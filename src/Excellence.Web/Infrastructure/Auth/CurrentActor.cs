using System.Security.Claims;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Infrastructure.Auth;

/// <summary>
/// Loads the signed-in account from the database on every request, so that a disabled account or a
/// withdrawn role takes effect at once, and rebuilds the principal from what the database says.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public const string ItemKey = "Excellence.Actor";

    public async Task InvokeAsync(HttpContext http, AppDb db, AuditActor auditActor)
    {
        auditActor.Ip = http.Connection.RemoteIpAddress?.ToString();
        if (http.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var stamp = http.User.FindFirstValue("AspNet.Identity.SecurityStamp");
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.SecurityStamp, u.OrganizationId, u.RecommenderUnitId, u.TwoFactorEnabled })
                .FirstOrDefaultAsync(http.RequestAborted);
            // A disabled account, or a session whose security stamp changed (password reset, disabling), stops here.
            if (user is null || user.IsDisabled || (stamp is not null && stamp != user.SecurityStamp))
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                   where ur.UserId == userId select r.Name!).ToListAsync(http.RequestAborted);
                var identity = new ClaimsIdentity(http.User.Identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
                identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
                identity.AddClaim(new Claim(ClaimTypes.Name, user.Email ?? ""));
                identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
                identity.AddClaims(http.User.Claims.Where(c => c.Type is "amr" or "AspNet.Identity.SecurityStamp"));
                http.User = new ClaimsPrincipal(identity);
                // The expert record of an expert account: assignments and conflicts are keyed by it.
                Guid? expertId = roles.Contains(Roles.Expert)
                    ? await db.Experts.AsNoTracking().Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(http.RequestAborted)
                    : null;
                var actor = new Actor(user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
                    roles.ToHashSet(), user.OrganizationId, user.RecommenderUnitId, expertId);
                http.Items[ItemKey] = new SignedInUser(actor, user.TwoFactorEnabled);
                auditActor.UserId = user.Id;
                auditActor.Name = user.Email ?? user.Id.ToString();
            }
        }
        await next(http);
    }
}

public sealed record SignedInUser(Actor Actor, bool TwoFactorEnabled);

public static class ActorExtensions
{
    /// <summary>The acting user of this request, or null for an anonymous visitor.</summary>
    public static Actor? Actor(this HttpContext http) => (http.Items[ActorMiddleware.ItemKey] as SignedInUser)?.Actor;

    public static Actor RequiredActor(this HttpContext http) =>
        http.Actor() ?? throw new InvalidOperationException("This endpoint requires a signed-in user.");

    public static SignedInUser? SignedInUser(this HttpContext http) => http.Items[ActorMiddleware.ItemKey] as SignedInUser;
}

/// <summary>
/// Secretariat and administrator accounts without a second factor may only reach the enrolment pages
/// (and sign out) until they enrol.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/Account/TwoFactor";

    public async Task InvokeAsync(HttpContext http, Microsoft.Extensions.Options.IOptions<Hosting.ExcellenceOptions> options)
    {
        var user = http.SignedInUser();
        if (user is not null && options.Value.RequireTwoFactorForStaff && !user.TwoFactorEnabled
            && user.Actor.Roles.Overlaps(Roles.RequireTwoFactor)
            && !http.Request.Path.StartsWithSegments("/Account") && !http.Request.Path.StartsWithSegments("/lib")
            && !http.Request.Path.StartsWithSegments("/css") && !http.Request.Path.StartsWithSegments("/js"))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Api.ApiProblems.Write(http, StatusCodes.Status403Forbidden, "Api.TwoFactorRequired");
                return;
            }
            http.Response.Redirect(EnrolPath + "?required=true");
            return;
        }
        await next(http);
    }
}
