using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features.Users;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Experts;

/// <summary>The secretariat adds an expert to the pool or edits one (Version = the version read; null: create).</summary>
public static class SaveExpert
{
    public sealed record Command(Guid? Id, int? Version, ExpertInput Input);

    public sealed class Handler(AppDb db, PersonalData pii, TimeProvider clock, AuditRecorder audit, LinkExpertAccount.Handler accounts)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Guid>.Denied(may);
            Expert? expert = null;
            if (command.Id is { } id)
            {
                expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == id, ct);
                if (expert is null) return Outcome<Guid>.NotFound();
                if (command.Version is { } v && v != expert.Version) return Outcome<Guid>.Stale();
            }
            var problems = ExpertRules.Validate(command.Input);
            var email = (command.Input.Email ?? "").Trim();
            if (!problems.Has("email") && await db.Experts.AnyAsync(e => e.Email == email && e.Id != command.Id, ct))
                problems.Add("email", "Experts.EmailTaken", email);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            if (expert is null)
            {
                expert = new Expert();
                db.Experts.Add(expert);
                audit.Describe("Experts.Created");
            }
            else
            {
                expert.Version++;
                audit.Describe("Experts.Updated");
            }
            ExpertRules.Apply(expert, command.Input, pii, now);
            await ApplyAvailability(db, expert.Id, command.Input.Availability, ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Guid>.Stale(); }
            if (command.Input.CreateAccount && expert.UserId is null)
            {
                var linked = await accounts.EnsureAsync(actor, expert, ct);
                if (!linked.IsOk) return linked.As<Guid>();
            }
            return Outcome<Guid>.Ok(expert.Id);
        }
    }

    /// <summary>Replaces the years given (other years stay as they are).</summary>
    internal static async Task ApplyAvailability(AppDb db, Guid expertId, IReadOnlyList<AvailabilityInput>? availability, CancellationToken ct)
    {
        if (availability is null) return;
        var existing = await db.ExpertAvailability.Where(a => a.ExpertId == expertId).ToListAsync(ct);
        foreach (var given in availability.GroupBy(a => a.Year).Select(g => g.Last()))
        {
            var row = existing.FirstOrDefault(a => a.Year == given.Year);
            if (row is null) db.ExpertAvailability.Add(row = new ExpertAvailability { ExpertId = expertId, Year = given.Year });
            row.Available = given.Available;
            row.Note = (given.Note ?? "").Trim();
        }
    }
}

/// <summary>
/// Gives a pool expert a sign-in account: links an existing account with that e-mail (adding the Expert role),
/// or creates one through <see cref="CreateAccount"/>, which mails the link to choose a password.
/// </summary>
public static class LinkExpertAccount
{
public sealed class Handler(AppDb db, CreateAccount.Handler create, AuditRecorder audit)
{
    public async Task<Outcome<Guid>> EnsureAsync(Actor actor, Expert expert, CancellationToken ct)
    {
        var email = expert.Email.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email, ct);
        Guid userId;
        if (user is null)
        {
            var created = await create.Handle(actor, new CreateAccount.Command(expert.Name, expert.Email, [Roles.Expert], null), ct);
            if (!created.IsOk) return created;
            userId = created.Value;
        }
        else
        {
            userId = user.Id;
            if (await db.Experts.AnyAsync(e => e.UserId == userId && e.Id != expert.Id, ct))
                return Outcome<Guid>.Invalid("email", "Experts.AccountTaken");
            var roleId = await db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id).FirstAsync(ct);
            if (!await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == roleId, ct))
            {
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = userId, RoleId = roleId });
                audit.Record("Users.RoleGranted", nameof(User), userId.ToString(), after: new { Role = Roles.Expert });
            }
        }
        var tracked = await db.Experts.FirstAsync(e => e.Id == expert.Id, ct);
        tracked.UserId = userId;
        audit.Describe("Experts.AccountLinked");
        await db.SaveChangesAsync(ct);
        expert.UserId = userId;
        return Outcome<Guid>.Ok(userId);
    }
}
}
