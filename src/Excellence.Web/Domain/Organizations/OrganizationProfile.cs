using System.ComponentModel.DataAnnotations;
using Excellence.Web.Domain.Identifiers;

namespace Excellence.Web.Domain.Organizations;

/// <summary>
/// The organisation profile of section 一 as a person or an import supplies it: codes as strings, so that an
/// unknown option is a field problem rather than a binding failure. <see cref="Validate"/> is the one rule set
/// used by registration, the profile page, the API and imports. Field names are the API's camelCase names.
/// </summary>
public sealed record OrganizationProfile
{
    public string? Name { get; init; }
    public string? CreditCode { get; init; }
    public string? District { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public string? RegisteredAddress { get; init; }
    public string? RegisteredPostcode { get; init; }
    public string? MailingAddress { get; init; }
    public string? MailingPostcode { get; init; }
    public string? Nature { get; init; }
    public string? NatureOther { get; init; }
    public string? MarketEntityType { get; init; }
    public string? Industry { get; init; }
    /// <summary>Sector codes of <see cref="Reference.SectorGroups"/>, plus "Other" with <see cref="SectorOther"/>.</summary>
    public IReadOnlyList<string>? Sectors { get; init; }
    public string? SectorOther { get; init; }
    public string? Scale { get; init; }
    public bool? IsSpecialisedSme { get; init; }
    public string? ContactName { get; init; }
    public string? ContactDepartment { get; init; }
    public string? ContactMobile { get; init; }
    public string? ContactEmail { get; init; }

    public const int NameLimit = 100, AddressLimit = 200, OtherLimit = 100, ContactNameLimit = 50, DepartmentLimit = 100, EmailLimit = 254;

    /// <summary>The profile of an existing organisation (the mobile is passed in: it is stored encrypted).</summary>
    public static OrganizationProfile From(Organization o, string contactMobile) => new()
    {
        Name = o.Name, CreditCode = o.CreditCode, District = o.District, EstablishedOn = o.EstablishedOn,
        RegisteredAddress = o.RegisteredAddress, RegisteredPostcode = o.RegisteredPostcode,
        MailingAddress = o.MailingAddress, MailingPostcode = o.MailingPostcode,
        Nature = o.Nature.ToString(), NatureOther = o.NatureOther, MarketEntityType = o.MarketEntityType?.ToString(),
        Industry = o.Industry.ToString(),
        Sectors = o.SectorOther is null ? o.Sectors.ToList() : [.. o.Sectors, "Other"], SectorOther = o.SectorOther,
        Scale = o.Scale.ToString(), IsSpecialisedSme = o.IsSpecialisedSme, ContactName = o.ContactName,
        ContactDepartment = o.ContactDepartment, ContactMobile = contactMobile, ContactEmail = o.ContactEmail,
    };

    /// <summary>Checks every field against forms.md and validation.md; <paramref name="today"/> is the Shanghai date.</summary>
    public static ProfileCheck Validate(OrganizationProfile p, DateOnly today)
    {
        var errors = new List<FieldProblem>();
        var warnings = new List<FieldProblem>();
        void Error(string field, Problem? problem) { if (problem is not null) errors.Add(new FieldProblem(field, problem)); }

        var name = Text(p.Name);
        Error("name", RequiredText(name, NameLimit));
        var credit = Identifiers.CreditCode.Normalize(p.CreditCode);
        Error("creditCode", Identifiers.CreditCode.Check(credit));
        var district = Text(p.District);
        Error("district", district.Length == 0 ? new Problem("Validation.Required")
            : Reference.Districts.Contains(district) ? null : new Problem("District.Unknown"));
        if (p.EstablishedOn is null) Error("establishedOn", new Problem("Validation.Required"));
        else if (p.EstablishedOn > today) Error("establishedOn", new Problem("Validation.DateInFuture"));

        var registeredAddress = Text(p.RegisteredAddress);
        Error("registeredAddress", RequiredText(registeredAddress, AddressLimit));
        var registeredPostcode = Text(p.RegisteredPostcode);
        Postcode("registeredPostcode", registeredPostcode);
        var mailingAddress = Text(p.MailingAddress);
        Error("mailingAddress", RequiredText(mailingAddress, AddressLimit));
        var mailingPostcode = Text(p.MailingPostcode);
        Postcode("mailingPostcode", mailingPostcode);

        var nature = Choice<OrganizationNature>("nature", p.Nature);
        string? natureOther = null;
        if (nature == OrganizationNature.Other)
        {
            natureOther = Text(p.NatureOther);
            Error("natureOther", RequiredText(natureOther, OtherLimit));
        }
        MarketEntityType? marketType = null;
        if (nature == OrganizationNature.MarketEntity) marketType = Choice<MarketEntityType>("marketEntityType", p.MarketEntityType);

        var industry = Choice<Industry>("industry", p.Industry);

        var sectors = (p.Sectors ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        string? sectorOther = null;
        if (sectors.Count == 0) Error("sectors", new Problem("Organization.SectorsRequired"));
        else if (sectors.Any(s => s != "Other" && !Reference.Sectors.Contains(s))) Error("sectors", new Problem("Validation.Choice"));
        if (sectors.Remove("Other"))
        {
            sectorOther = Text(p.SectorOther);
            Error("sectorOther", RequiredText(sectorOther, OtherLimit));
        }

        var scale = Choice<OrganizationScale>("scale", p.Scale);
        if (p.IsSpecialisedSme is null) Error("isSpecialisedSme", new Problem("Validation.Required"));

        var contactName = Text(p.ContactName);
        Error("contactName", RequiredText(contactName, ContactNameLimit));
        var department = Text(p.ContactDepartment);
        Error("contactDepartment", RequiredText(department, DepartmentLimit));
        var mobile = Phone.NormalizeMobile(p.ContactMobile);
        Error("contactMobile", Phone.CheckMobile(mobile));
        var email = Text(p.ContactEmail);
        Error("contactEmail", CheckEmail(email));

        if (errors.Count > 0) return new ProfileCheck(null, errors, warnings);
        return new ProfileCheck(new ValidProfile(name, credit, district, p.EstablishedOn!.Value, registeredAddress, registeredPostcode,
            mailingAddress, mailingPostcode, nature!.Value, natureOther, marketType, industry!.Value, sectors, sectorOther,
            scale!.Value, p.IsSpecialisedSme!.Value, contactName, department, mobile, email), errors, warnings);

        void Postcode(string field, string value)
        {
            var problem = Phone.CheckPostcode(value);
            Error(field, problem);
            if (problem is null && Phone.IsUnusualForShanghai(value)) warnings.Add(new FieldProblem(field, new Problem("Postcode.UnusualForShanghai")));
        }

        TEnum? Choice<TEnum>(string field, string? raw) where TEnum : struct, Enum
        {
            var value = Text(raw);
            if (value.Length == 0) { Error(field, new Problem("Validation.Required")); return null; }
            if (Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0])) return parsed;
            Error(field, new Problem("Validation.Choice"));
            return null;
        }
    }

    public static Problem? CheckEmail(string email) =>
        email.Length == 0 ? new Problem("Validation.Required")
        : email.Length > EmailLimit ? new Problem("Validation.TooLong", EmailLimit)
        : new EmailAddressAttribute().IsValid(email) && email.Contains('.', StringComparison.Ordinal) ? null : new Problem("Validation.Email");

    private static Problem? RequiredText(string value, int limit) =>
        value.Length == 0 ? new Problem("Validation.Required") : value.Length > limit ? new Problem("Validation.TooLong", limit) : null;

    private static string Text(string? raw) => (raw ?? "").Trim();
}

/// <summary>The result of <see cref="OrganizationProfile.Validate"/>: errors refuse, warnings only inform.</summary>
public sealed record ProfileCheck(ValidProfile? Valid, IReadOnlyList<FieldProblem> Errors, IReadOnlyList<FieldProblem> Warnings)
{
    public bool IsValid => Valid is not null;
}

/// <summary>A profile that passed every rule, normalised (credit code upper-case, mobile digits only).</summary>
public sealed record ValidProfile(
    string Name, string CreditCode, string District, DateOnly EstablishedOn, string RegisteredAddress, string RegisteredPostcode,
    string MailingAddress, string MailingPostcode, OrganizationNature Nature, string? NatureOther, MarketEntityType? MarketEntityType,
    Industry Industry, IReadOnlyList<string> Sectors, string? SectorOther, OrganizationScale Scale, bool IsSpecialisedSme,
    string ContactName, string ContactDepartment, string ContactMobile, string ContactEmail)
{
    /// <summary>Copies everything but the mobile, which the caller encrypts (ContactMobileCipher / Masked).</summary>
    public void ApplyTo(Organization o)
    {
        o.Name = Name; o.CreditCode = CreditCode; o.District = District; o.EstablishedOn = EstablishedOn;
        o.RegisteredAddress = RegisteredAddress; o.RegisteredPostcode = RegisteredPostcode;
        o.MailingAddress = MailingAddress; o.MailingPostcode = MailingPostcode;
        o.Nature = Nature; o.NatureOther = NatureOther; o.MarketEntityType = MarketEntityType; o.Industry = Industry;
        o.Sectors = Sectors.ToList(); o.SectorOther = SectorOther; o.Scale = Scale; o.IsSpecialisedSme = IsSpecialisedSme;
        o.ContactName = ContactName; o.ContactDepartment = ContactDepartment; o.ContactEmail = ContactEmail;
    }
}
