using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Accounts;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Organizations;

/// <summary>Invitation tokens: 32 random bytes sent by mail; only their SHA-256 is stored.</summary>
public static class InvitationToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}

/// <summary>The organisation's users and its open invitations.</summary>
public static class ListMembers
{
    public sealed record Member(Guid Id, string DisplayName, string Email, DateTime CreatedAt, DateTime? LastSignInAt);
    public sealed record Invitation(Guid Id, string Email, DateTime CreatedAt, DateTime ExpiresAt, bool Expired);
    public sealed record Members(string OrganizationName, IReadOnlyList<Member> Users, IReadOnlyList<Invitation> Open);

    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<Members>> Handle(Actor actor, CancellationToken ct = default)
        {
            if (actor.OrganizationId is not { } id) return Outcome<Members>.NotFound();
            var decision = Permissions.CanReadOrganization(actor, id);
            if (!decision.Allowed) return Outcome<Members>.Denied(decision);
            var name = await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (name is null) return Outcome<Members>.NotFound();
            var now = clock.GetUtcNow().UtcDateTime;
            var users = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id && !u.IsDisabled)
                .OrderBy(u => u.CreatedAt).Select(u => new Member(u.Id, u.DisplayName, u.Email ?? "", u.CreatedAt, u.LastSignInAt))
                .ToListAsync(ct);
            var open = await db.OrganizationInvitations.AsNoTracking()
                .Where(i => i.OrganizationId == id && i.AcceptedAt == null && i.RevokedAt == null)
                .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
            return Outcome<Members>.Ok(new Members(name, users,
                open.Select(i => new Invitation(i.Id, i.Email, i.CreatedAt, i.ExpiresAt, i.ExpiresAt <= now)).ToList()));
        }
    }
}

/// <summary>An organisation's user invites a colleague by e-mail; the link is valid for seven days.</summary>
public static class InviteColleague
{
    public sealed record Command(string? Email);

    public sealed class Handler(AppDb db, UserManager<User> users, Mailer mailer, StringCatalog catalog,
        IOptions<ExcellenceOptions> options, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Guid>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            if (actor.OrganizationId is not { } id) return Outcome<Guid>.NotFound();
            var decision = Permissions.CanEditOrganization(actor, id);
            if (!decision.Allowed) return Outcome<Guid>.Denied(decision);
            var email = (command.Email ?? "").Trim();
            var problem = OrganizationProfile.CheckEmail(email);
            if (problem is null && await users.FindByEmailAsync(email) is not null) problem = new Problem("Identity.DuplicateEmail", email);
            if (problem is not null) return Outcome<Guid>.Invalid([new FieldProblem("email", problem)]);

            var organization = await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var token = InvitationToken.New();
            var invitation = new OrganizationInvitation
            {
                OrganizationId = id, Email = email, TokenHash = InvitationToken.Hash(token), InvitedBy = actor.UserId,
                CreatedAt = now, ExpiresAt = now + InvitationToken.Lifetime,
            };
            db.OrganizationInvitations.Add(invitation);
            audit.Describe("Organization.ColleagueInvited");
            await db.SaveChangesAsync(ct);

            var culture = CultureInfo.CurrentUICulture;
            var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/Account/Invitation?token=" + token;
            await mailer.SendAsync(new OutgoingMail(email,
                catalog.Text("Mail.Invitation.Subject", culture, organization),
                catalog.Text("Mail.Invitation.Body", culture, actor.Name, organization, link, Shanghai.ToLocal(invitation.ExpiresAt).ToString("yyyy-MM-dd HH:mm"))), ct);
            return Outcome<Guid>.Ok(invitation.Id);
        }
    }
}

public static class RevokeInvitation
{
    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Done>> Handle(Actor actor, Guid invitationId, CancellationToken ct = default)
        {
            var invitation = await db.OrganizationInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
            if (invitation is null) return Outcome<Done>.NotFound();
            var decision = Permissions.CanEditOrganization(actor, invitation.OrganizationId);
            if (!decision.Allowed) return Outcome<Done>.Denied(decision);
            if (invitation.AcceptedAt is not null) return Outcome<Done>.Conflict(new Problem("Invitation.AlreadyAccepted"));
            if (invitation.RevokedAt is not null) return Outcome<Done>.Ok(Done.Instance);
            invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Describe("Organization.InvitationRevoked");
            await db.SaveChangesAsync(ct);
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}

/// <summary>The invitee sets a name and password and becomes an Applicant of the inviting organisation.</summary>
public static class AcceptInvitation
{
    public sealed record Pending(string Email, string OrganizationName);
    public sealed record Command(string? Token, string? DisplayName, string? Password);

    public sealed class Handler(AppDb db, UserManager<User> users, AuditRecorder audit, TimeProvider clock)
    {
        /// <summary>The open invitation a token stands for, or NotFound (unknown, used, revoked or expired alike).</summary>
        public async Task<Outcome<Pending>> Find(string? token, CancellationToken ct = default)
        {
            var invitation = await Open(token, ct);
            if (invitation is null) return Outcome<Pending>.NotFound();
            var name = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            return Outcome<Pending>.Ok(new Pending(invitation.Email, name));
        }

        public async Task<Outcome<User>> Handle(Command command, CancellationToken ct = default)
        {
            var invitation = await Open(command.Token, ct);
            if (invitation is null) return Outcome<User>.NotFound();
            var now = clock.GetUtcNow().UtcDateTime;
            var problems = new FieldProblems();
            var displayName = (command.DisplayName ?? "").Trim();
            problems.Add("displayName", displayName.Length == 0 ? new Problem("Validation.Required")
                : displayName.Length > 50 ? new Problem("Validation.TooLong", 50) : null);
            var user = new User
            {
                Email = invitation.Email, UserName = invitation.Email, DisplayName = displayName, CreatedAt = now,
                OrganizationId = invitation.OrganizationId, EmailConfirmed = true, // the link reached this mailbox
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                NormalizedEmail = users.NormalizeEmail(invitation.Email), NormalizedUserName = users.NormalizeName(invitation.Email),
            };
            if (string.IsNullOrEmpty(command.Password)) problems.Add("password", "Validation.Required");
            else problems.AddRange(await AccountRules.CheckPassword(users, user, command.Password, "password"));
            if (await users.FindByEmailAsync(invitation.Email) is not null) problems.Add("", "Identity.DuplicateEmail", invitation.Email);
            if (problems.Count > 0) return Outcome<User>.Invalid(problems);

            user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password!);
            db.Users.Add(user);
            var roleId = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleAsync(ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            invitation.AcceptedAt = now;
            audit.Describe("Organization.InvitationAccepted");
            audit.Record("Account.RoleGranted", nameof(User), user.Id.ToString(), after: new { Role = Roles.Applicant });
            await db.SaveChangesAsync(ct);
            return Outcome<User>.Ok(user);
        }

        private async Task<OrganizationInvitation?> Open(string? token, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 128) return null;
            var hash = InvitationToken.Hash(token);
            var now = clock.GetUtcNow().UtcDateTime;
            var invitation = await db.OrganizationInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
            return invitation is { AcceptedAt: null, RevokedAt: null } && invitation.ExpiresAt > now ? invitation : null;
        }
    }
}
