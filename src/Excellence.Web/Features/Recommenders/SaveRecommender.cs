using System.Net.Mail;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Recommenders;

/// <summary>Create (no id) or change a recommending unit. The contact's phone is stored encrypted, with a masked copy.</summary>
public static class SaveRecommender
{
    public sealed class Input
    {
        public string? Name { get; set; }
        public RecommenderKind? Kind { get; set; }
        public string? CreditCode { get; set; }
        public string? District { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsActive { get; set; } = true;
    }

    public sealed class Handler(AppDb db, PersonalData pii, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Guid>> Handle(Actor actor, Guid? id, Input input, CancellationToken ct = default)
        {
            var allowed = Permissions.CanManageRecommenders(actor);
            if (!allowed) return Outcome<Guid>.Denied(allowed);
            var unit = id is null ? null : await db.RecommenderUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (id is not null && unit is null) return Outcome<Guid>.NotFound();

            var problems = new FieldProblems();
            var name = (input.Name ?? "").Trim();
            if (name.Length == 0) problems.Add("name", "Validation.Required");
            else if (name.Length > 100) problems.Add("name", "Validation.TooLong", 100);
            else if (await db.RecommenderUnits.AnyAsync(u => u.Name == name && u.Id != id, ct)) problems.Add("name", "Recommenders.NameTaken", name);
            if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) problems.Add("kind", "Validation.Choice");
            var creditCode = CreditCode.Normalize(input.CreditCode);
            if (creditCode.Length > 0) problems.Add("creditCode", CreditCode.Check(creditCode));
            var district = (input.District ?? "").Trim();
            if (district.Length > 0 && !Reference.Districts.Contains(district)) problems.Add("district", "District.Unknown");
            var contactName = (input.ContactName ?? "").Trim();
            if (contactName.Length == 0) problems.Add("contactName", "Validation.Required");
            else if (contactName.Length > 50) problems.Add("contactName", "Validation.TooLong", 50);
            var phone = (input.ContactPhone ?? "").Trim();
            if (phone.Length > 0) problems.Add("contactPhone", Phone.CheckMobileOrLandline(phone));
            var email = (input.ContactEmail ?? "").Trim();
            if (email.Length > 0 && (email.Length > 254 || !MailAddress.TryCreate(email, out _))) problems.Add("contactEmail", "Validation.Email");
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            if (unit is null)
            {
                unit = new RecommenderUnit { CreatedAt = now };
                db.RecommenderUnits.Add(unit);
            }
            unit.Name = name;
            unit.Kind = input.Kind!.Value;
            unit.CreditCode = creditCode.Length == 0 ? null : creditCode;
            unit.District = district.Length == 0 ? null : district;
            unit.ContactName = contactName;
            // A mobile is kept in its normalised form; a landline as typed.
            var stored = Phone.CheckMobile(Phone.NormalizeMobile(phone)) is null ? Phone.NormalizeMobile(phone) : phone;
            if (stored != (unit.ContactPhoneCipher.Length == 0 ? "" : pii.Unprotect(unit.ContactPhoneCipher)))
            {
                unit.ContactPhoneCipher = pii.Protect(stored);
                unit.ContactPhoneMasked = Phone.Mask(stored);
            }
            unit.ContactEmail = email;
            unit.IsActive = input.IsActive;
            unit.UpdatedAt = now;
            audit.Describe(id is null ? "Recommenders.Created" : "Recommenders.Edited");
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(unit.Id);
        }
    }
}
