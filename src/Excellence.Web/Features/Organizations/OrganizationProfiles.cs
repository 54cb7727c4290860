using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Organizations;

/// <summary>The profile as the organisation's users see it: the contact mobile only masked.</summary>
public static class GetOrganizationProfile
{
    public sealed record View(Guid Id, OrganizationProfile Profile, string ContactMobileMasked, int Version, DateTime UpdatedAt);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> Handle(Actor actor, CancellationToken ct = default)
        {
            if (actor.OrganizationId is not { } id) return Outcome<View>.NotFound();
            var decision = Permissions.CanReadOrganization(actor, id);
            if (!decision.Allowed) return Outcome<View>.Denied(decision);
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (org is null) return Outcome<View>.NotFound();
            return Outcome<View>.Ok(new View(org.Id, OrganizationProfile.From(org, org.ContactMobileMasked), org.ContactMobileMasked, org.Version, org.UpdatedAt));
        }
    }
}

/// <summary>
/// Edits the profile with the registration's rules. <see cref="Command.Version"/> is the version the user saw;
/// a save over a newer one is refused (Stale) and writes nothing. An empty contact mobile, or the masked one sent
/// back unchanged, keeps the stored number.
/// </summary>
public static class UpdateOrganizationProfile
{
    public sealed record Command(OrganizationProfile Profile, int Version);

    public sealed record Updated(int Version, IReadOnlyList<FieldProblem> Warnings);

    public sealed class Handler(AppDb db, PersonalData pii, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Updated>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            if (actor.OrganizationId is not { } id) return Outcome<Updated>.NotFound();
            var decision = Permissions.CanEditOrganization(actor, id);
            if (!decision.Allowed) return Outcome<Updated>.Denied(decision);
            var org = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (org is null) return Outcome<Updated>.NotFound();
            if (org.Version != command.Version) return Outcome<Updated>.Stale();

            var profile = command.Profile;
            var mobile = (profile.ContactMobile ?? "").Trim();
            var keepMobile = mobile.Length == 0 || mobile == org.ContactMobileMasked;
            if (keepMobile) profile = profile with { ContactMobile = pii.Unprotect(org.ContactMobileCipher) };

            var check = OrganizationProfile.Validate(profile, Shanghai.Today(clock.GetUtcNow()));
            if (check.Valid is not { } valid) return Outcome<Updated>.Invalid(check.Errors);
            if (valid.CreditCode != org.CreditCode
                && await db.Organizations.AnyAsync(o => o.CreditCode == valid.CreditCode && o.Id != id, ct))
                return Outcome<Updated>.Invalid("creditCode", "CreditCode.Taken");

            valid.ApplyTo(org);
            if (!keepMobile)
            {
                org.ContactMobileCipher = pii.Protect(valid.ContactMobile);
                org.ContactMobileMasked = PersonalData.MaskPhone(valid.ContactMobile);
            }
            org.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            org.Version = command.Version + 1;
            db.Entry(org).Property(o => o.Version).OriginalValue = command.Version;
            audit.Describe("Organization.ProfileUpdated");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Updated>.Stale();
            }
            return Outcome<Updated>.Ok(new Updated(org.Version, check.Warnings));
        }
    }
}
