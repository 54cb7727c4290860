using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Accounts;
using Excellence.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Organizations;

/// <summary>
/// Self-registration: the organisation and its first user (role Applicant) are created together in one save,
/// or nothing is. One credit code, one organisation.
/// </summary>
public static class RegisterOrganization
{
    public sealed record Command(string? DisplayName, string? Email, string? Password, OrganizationProfile Profile);

    public sealed record Registered(Guid OrganizationId, Guid UserId, IReadOnlyList<FieldProblem> Warnings);

    public sealed class Handler(AppDb db, UserManager<User> users, PersonalData pii, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Registered>> Handle(Command command, CancellationToken ct = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var problems = new FieldProblems();
            var displayName = (command.DisplayName ?? "").Trim();
            problems.Add("displayName", displayName.Length == 0 ? new Problem("Validation.Required")
                : displayName.Length > 50 ? new Problem("Validation.TooLong", 50) : null);
            var email = (command.Email ?? "").Trim();
            problems.Add("email", OrganizationProfile.CheckEmail(email));
            if (!problems.Has("email") && await users.FindByEmailAsync(email) is not null)
                problems.Add("email", "Identity.DuplicateEmail", email);

            var user = new User
            {
                Email = email, UserName = email, DisplayName = displayName, CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            if (string.IsNullOrEmpty(command.Password)) problems.Add("password", "Validation.Required");
            else problems.AddRange(await AccountRules.CheckPassword(users, user, command.Password, "password"));

            var check = OrganizationProfile.Validate(command.Profile, Shanghai.Today(clock.GetUtcNow()));
            problems.AddRange(check.Errors);
            if (check.Valid is { } valid && await db.Organizations.AnyAsync(o => o.CreditCode == valid.CreditCode, ct))
                problems.Add("creditCode", "CreditCode.Taken");
            if (problems.Count > 0) return Outcome<Registered>.Invalid(problems);

            var profile = check.Valid!;
            var organization = new Organization { CreatedAt = now, UpdatedAt = now, Version = 1 };
            profile.ApplyTo(organization);
            organization.ContactMobileCipher = pii.Protect(profile.ContactMobile);
            organization.ContactMobileMasked = PersonalData.MaskPhone(profile.ContactMobile);
            db.Organizations.Add(organization);

            user.OrganizationId = organization.Id;
            user.NormalizedEmail = users.NormalizeEmail(email);
            user.NormalizedUserName = users.NormalizeName(email);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password!);
            db.Users.Add(user);
            var roleId = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleAsync(ct);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });

            audit.Describe("Organization.Registered");
            audit.Record("Account.RoleGranted", nameof(User), user.Id.ToString(), after: new { Role = Roles.Applicant });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two registrations of the same code at once: the unique index decides, the loser hears why.
                if (await db.Organizations.AsNoTracking().AnyAsync(o => o.CreditCode == profile.CreditCode, ct))
                    return Outcome<Registered>.Invalid("creditCode", "CreditCode.Taken");
                throw;
            }
            return Outcome<Registered>.Ok(new Registered(organization.Id, user.Id, check.Warnings));
        }
    }
}
