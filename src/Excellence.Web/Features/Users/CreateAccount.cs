using System.Net.Mail;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Users;

/// <summary>
/// Staff create an account (expert, approver, recommender user, or staff for the administrator). The
/// account has no password: its owner receives a link to choose one. Each role granted is audited.
/// </summary>
public static class CreateAccount
{
    public sealed record Command(string? Name, string? Email, IReadOnlyList<string> Roles, Guid? RecommenderUnitId);

    public sealed class Handler(AppDb db, UserManager<User> users, AuditRecorder audit, TimeProvider clock, SetPasswordMail.Handler mail)
    {
        public async Task<Outcome<Guid>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var roles = command.Roles.Distinct().ToList();
            foreach (var role in roles)
            {
                var allowed = Permissions.CanGrantRole(actor, role);
                if (!allowed) return Outcome<Guid>.Denied(allowed);
            }
            var problems = new FieldProblems();
            var name = (command.Name ?? "").Trim();
            var email = (command.Email ?? "").Trim();
            if (name.Length == 0) problems.Add("name", "Validation.Required");
            else if (name.Length > 100) problems.Add("name", "Validation.TooLong", 100);
            if (email.Length == 0) problems.Add("email", "Validation.Required");
            else if (email.Length > 254 || !MailAddress.TryCreate(email, out _)) problems.Add("email", "Validation.Email");
            else if (await users.FindByEmailAsync(email) is not null) problems.Add("email", "Users.EmailTaken", email);
            if (roles.Count == 0) problems.Add("roles", "Users.RoleRequired");
            await CheckUnit(db, roles, command.RecommenderUnitId, problems, ct);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);

            var user = new User
            {
                Email = email, UserName = email, DisplayName = name, EmailConfirmed = false,
                RecommenderUnitId = roles.Contains(Domain.Roles.Recommender) ? command.RecommenderUnitId : null,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            // One save: the role rows ride along with the account (a transaction around several UserManager
            // saves would hold the audit chain's database lock while waiting for its in-process gate).
            foreach (var roleId in await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct))
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            foreach (var role in roles) audit.Record("Users.RoleGranted", nameof(User), user.Id.ToString(), after: new { Role = role });
            audit.Describe("Users.Created");
            Check(await users.CreateAsync(user));
            await mail.SendAsync(user, ct);
            return Outcome<Guid>.Ok(user.Id);
        }

        internal static async Task CheckUnit(AppDb db, IReadOnlyCollection<string> roles, Guid? unitId, FieldProblems problems, CancellationToken ct)
        {
            if (!roles.Contains(Domain.Roles.Recommender)) return;
            if (unitId is null) problems.Add("recommenderUnitId", "Users.RecommenderNeedsUnit");
            else if (!await db.RecommenderUnits.AnyAsync(u => u.Id == unitId, ct)) problems.Add("recommenderUnitId", "Validation.Choice");
        }

        internal static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
