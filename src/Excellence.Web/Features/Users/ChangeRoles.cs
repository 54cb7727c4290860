using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Users;

/// <summary>
/// Grant and withdraw roles. Role rows are not audited automatically, so every grant and withdrawal is
/// recorded here, with the reason. Roles the actor may not grant are left as they are.
/// </summary>
public static class ChangeRoles
{
    public sealed record Command(Guid UserId, IReadOnlyList<string> Roles, Guid? RecommenderUnitId, string? Reason);

    public sealed class Handler(AppDb db, UserManager<User> users, AuditRecorder audit)
    {
        public async Task<Outcome<Done>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            if (!actor.IsStaff) return Outcome<Done>.Forbidden(new Problem("Permission.StaffOnly"));
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null) return Outcome<Done>.NotFound();
            var current = (await users.GetRolesAsync(user)).ToHashSet();
            var wanted = command.Roles.Where(Domain.Roles.All.Contains).ToHashSet();
            var granted = wanted.Except(current).ToList();
            var withdrawn = current.Except(wanted).ToList();
            foreach (var role in granted.Concat(withdrawn))
            {
                var allowed = Permissions.CanGrantRole(actor, role);
                if (!allowed) return Outcome<Done>.Denied(allowed);
            }
            if (actor.UserId == user.Id && withdrawn.Contains(Domain.Roles.Administrator))
                return Outcome<Done>.Forbidden(new Problem("Users.CannotWithdrawOwnAdministrator"));
            var problems = new FieldProblems();
            var unitId = command.RecommenderUnitId ?? user.RecommenderUnitId;
            await CreateAccount.Handler.CheckUnit(db, wanted, unitId, problems, ct);
            if (problems.Count > 0) return Outcome<Done>.Invalid(problems);
            if (granted.Count == 0 && withdrawn.Count == 0 && unitId == user.RecommenderUnitId) return Outcome<Done>.Ok(Done.Instance);

            var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
            audit.Describe("Users.RolesChanged", reason);
            foreach (var role in granted) audit.Record("Users.RoleGranted", nameof(User), user.Id.ToString(), after: new { Role = role }, why: reason);
            foreach (var role in withdrawn) audit.Record("Users.RoleWithdrawn", nameof(User), user.Id.ToString(), before: new { Role = role }, why: reason);
            user.RecommenderUnitId = wanted.Contains(Domain.Roles.Recommender) ? unitId : null;
            // The role rows change in the same save as the account (see CreateAccount for why not a transaction).
            var roleIds = await db.Roles.Where(r => granted.Contains(r.Name!) || withdrawn.Contains(r.Name!))
                .ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
            foreach (var role in withdrawn)
                db.UserRoles.RemoveRange(db.UserRoles.Where(ur => ur.UserId == user.Id && ur.RoleId == roleIds[role]));
            foreach (var role in granted) db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] });
            // A withdrawn role must not linger in open sessions; the new stamp ends them.
            CreateAccount.Handler.Check(await users.UpdateSecurityStampAsync(user));
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
