using System.Net.Mail;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Security;

namespace Excellence.Web.Features.Experts;

public sealed record AffiliationInput(string? OrganizationName, string? CreditCode, AffiliationKind? Kind, int? FromYear, int? ToYear, string? Note);

public sealed record AvailabilityInput(int Year, bool Available, string? Note);

/// <summary>What the secretariat enters for an expert (form, API body, or one row of an import).</summary>
public sealed record ExpertInput(
    string? Name, string? Email, string? OrganizationName, string? OrganizationCreditCode, string? GroupName, string? GroupCreditCode,
    string? Title, string? Phone, IReadOnlyList<Category>? Categories, IReadOnlyList<Industry>? Industries, IReadOnlyList<string>? Sectors,
    IReadOnlyList<AffiliationInput>? Affiliations, bool? IsActive, string? Note, IReadOnlyList<AvailabilityInput>? Availability = null,
    bool CreateAccount = false);

/// <summary>The expert as the secretariat sees it (phone masked).</summary>
public sealed record ExpertView(
    Guid Id, Guid? UserId, string Name, string Email, string OrganizationName, string? OrganizationCreditCode, string? GroupName,
    string? GroupCreditCode, string Title, string PhoneMasked, IReadOnlyList<Category> Categories, IReadOnlyList<Industry> Industries,
    IReadOnlyList<string> Sectors, IReadOnlyList<Affiliation> Affiliations, bool IsActive, string Note,
    IReadOnlyList<AvailabilityInput> Availability, int Version)
{
    public static ExpertView Of(Expert e, IEnumerable<ExpertAvailability> availability) => new(
        e.Id, e.UserId, e.Name, e.Email, e.OrganizationName, e.OrganizationCreditCode, e.GroupName, e.GroupCreditCode, e.Title,
        e.PhoneMasked, e.Categories, e.Industries, e.Sectors, e.Affiliations, e.IsActive, e.Note,
        availability.OrderBy(a => a.Year).Select(a => new AvailabilityInput(a.Year, a.Available, a.Note)).ToList(), e.Version);
}

public static class ExpertRules
{
    /// <summary>Checks every field (prefix names the row in an import) and answers the normalised values.</summary>
    public static FieldProblems Validate(ExpertInput input, string prefix = "")
    {
        var p = new FieldProblems();
        Text(p, prefix + "name", input.Name, 50, required: true);
        Text(p, prefix + "organizationName", input.OrganizationName, 200, required: true);
        Text(p, prefix + "groupName", input.GroupName, 200, required: false);
        Text(p, prefix + "title", input.Title, 100, required: false);
        Text(p, prefix + "note", input.Note, 2000, required: false);
        var email = (input.Email ?? "").Trim();
        if (email.Length == 0) p.Add(prefix + "email", "Validation.Required");
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out _)) p.Add(prefix + "email", "Validation.Email");
        Code(p, prefix + "organizationCreditCode", input.OrganizationCreditCode);
        Code(p, prefix + "groupCreditCode", input.GroupCreditCode);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !input.Phone.Contains('*')) p.Add(prefix + "phone", Phone.CheckMobileOrLandline(input.Phone));
        foreach (var s in input.Sectors ?? [])
            if (!Reference.Sectors.Contains(s)) p.Add(prefix + "sectors", "Validation.Choice");
        var i = 0;
        foreach (var a in input.Affiliations ?? [])
        {
            var f = $"{prefix}affiliations[{i++}].";
            Text(p, f + "organizationName", a.OrganizationName, 200, required: true);
            Code(p, f + "creditCode", a.CreditCode);
            if (a.Kind is null) p.Add(f + "kind", "Validation.Choice");
            if (a.FromYear is null) p.Add(f + "fromYear", "Validation.Required");
            else if (a.FromYear is < 1950 or > 2100) p.Add(f + "fromYear", "Validation.Range", 1950, 2100);
            if (a.ToYear is { } to && (to < (a.FromYear ?? 1950) || to > 2100)) p.Add(f + "toYear", "Validation.Range", a.FromYear ?? 1950, 2100);
        }
        foreach (var av in input.Availability ?? [])
            if (av.Year is < 2000 or > 2100) p.Add(prefix + "availability", "Validation.Range", 2000, 2100);
        return p;
    }

    private static void Text(FieldProblems p, string field, string? value, int max, bool required)
    {
        var v = (value ?? "").Trim();
        if (required && v.Length == 0) p.Add(field, "Validation.Required");
        else if (v.Length > max) p.Add(field, "Validation.TooLong", max);
    }

    private static void Code(FieldProblems p, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        p.Add(field, CreditCode.Check(CreditCode.Normalize(value)));
    }

    private static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Copies validated input onto the entity; the phone is encrypted and masked.</summary>
    public static void Apply(Expert e, ExpertInput input, PersonalData pii, DateTime now)
    {
        e.Name = input.Name!.Trim();
        e.Email = input.Email!.Trim();
        e.OrganizationName = input.OrganizationName!.Trim();
        e.OrganizationCreditCode = Optional(input.OrganizationCreditCode) is { } c ? CreditCode.Normalize(c) : null;
        e.GroupName = Optional(input.GroupName);
        e.GroupCreditCode = Optional(input.GroupCreditCode) is { } g ? CreditCode.Normalize(g) : null;
        e.Title = (input.Title ?? "").Trim();
        var phone = (input.Phone ?? "").Trim();
        if (phone.Length == 0) { e.PhoneCipher = ""; e.PhoneMasked = ""; }
        else if (!phone.Contains('*'))
        {
            var normal = Phone.CheckMobile(Phone.NormalizeMobile(phone)) is null ? Phone.NormalizeMobile(phone) : phone;
            e.PhoneCipher = pii.Protect(normal);
            e.PhoneMasked = Phone.Mask(normal);
        }
        e.Categories = (input.Categories ?? []).Distinct().Order().ToList();
        e.Industries = (input.Industries ?? []).Distinct().Order().ToList();
        e.Sectors = (input.Sectors ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        e.Affiliations = (input.Affiliations ?? []).Select(a => new Affiliation(a.OrganizationName!.Trim(),
            Optional(a.CreditCode) is { } cc ? CreditCode.Normalize(cc) : null, a.Kind!.Value, a.FromYear!.Value, a.ToYear, Optional(a.Note))).ToList();
        e.IsActive = input.IsActive ?? true;
        e.Note = (input.Note ?? "").Trim();
        e.UpdatedAt = now;
        if (e.CreatedAt == default) e.CreatedAt = now;
    }
}
