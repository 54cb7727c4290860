using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Excellence.Web.Features.Users;

/// <summary>
/// Disable or re-enable an account, with a reason. Disabling changes the security stamp, so the person's
/// open sessions end on their next request (the actor middleware compares stamps).
/// </summary>
public static class SetAccountDisabled
{
    public sealed record Command(Guid UserId, bool Disabled, string? Reason);

    public sealed class Handler(UserManager<User> users, AuditRecorder audit)
    {
        public async Task<Outcome<Done>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null) return Outcome<Done>.NotFound();
            var allowed = Permissions.CanSetAccountDisabled(actor, user.Id, (await users.GetRolesAsync(user)).ToList());
            if (!allowed) return Outcome<Done>.Denied(allowed);
            var reason = (command.Reason ?? "").Trim();
            if (reason.Length == 0) return Outcome<Done>.Invalid("reason", "Validation.Required");
            if (reason.Length > 500) return Outcome<Done>.Invalid("reason", "Validation.TooLong", 500);
            if (user.IsDisabled == command.Disabled) return Outcome<Done>.Ok(Done.Instance);

            user.IsDisabled = command.Disabled;
            audit.Describe(command.Disabled ? "Users.Disabled" : "Users.Enabled", reason);
            CreateAccount.Handler.Check(command.Disabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
