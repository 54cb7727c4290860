using Excellence.Web.Domain.Organizations;

namespace Excellence.Web.Pages.Organization;

/// <summary>The fields of section 一 as a form binds them (registration and the profile page share it).</summary>
public sealed class ProfileForm
{
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public string? District { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public string? RegisteredAddress { get; set; }
    public string? RegisteredPostcode { get; set; }
    public string? MailingAddress { get; set; }
    public string? MailingPostcode { get; set; }
    public string? Nature { get; set; }
    public string? NatureOther { get; set; }
    public string? MarketEntityType { get; set; }
    public string? Industry { get; set; }
    public List<string> Sectors { get; set; } = [];
    public string? SectorOther { get; set; }
    public string? Scale { get; set; }
    public bool? IsSpecialisedSme { get; set; }
    public string? ContactName { get; set; }
    public string? ContactDepartment { get; set; }
    public string? ContactMobile { get; set; }
    public string? ContactEmail { get; set; }

    public OrganizationProfile ToProfile() => new()
    {
        Name = Name, CreditCode = CreditCode, District = District, EstablishedOn = EstablishedOn,
        RegisteredAddress = RegisteredAddress, RegisteredPostcode = RegisteredPostcode, MailingAddress = MailingAddress,
        MailingPostcode = MailingPostcode, Nature = Nature, NatureOther = NatureOther,
        MarketEntityType = Nature == nameof(Domain.OrganizationNature.MarketEntity) ? MarketEntityType : null,
        Industry = Industry, Sectors = Sectors, SectorOther = SectorOther, Scale = Scale, IsSpecialisedSme = IsSpecialisedSme,
        ContactName = ContactName, ContactDepartment = ContactDepartment, ContactMobile = ContactMobile, ContactEmail = ContactEmail,
    };

    public static ProfileForm From(OrganizationProfile p) => new()
    {
        Name = p.Name, CreditCode = p.CreditCode, District = p.District, EstablishedOn = p.EstablishedOn,
        RegisteredAddress = p.RegisteredAddress, RegisteredPostcode = p.RegisteredPostcode, MailingAddress = p.MailingAddress,
        MailingPostcode = p.MailingPostcode, Nature = p.Nature, NatureOther = p.NatureOther, MarketEntityType = p.MarketEntityType,
        Industry = p.Industry, Sectors = p.Sectors?.ToList() ?? [], SectorOther = p.SectorOther, Scale = p.Scale,
        IsSpecialisedSme = p.IsSpecialisedSme, ContactName = p.ContactName, ContactDepartment = p.ContactDepartment,
        ContactMobile = p.ContactMobile, ContactEmail = p.ContactEmail,
    };

    /// <summary>Handler field names (camelCase) that belong to this form rather than to the account.</summary>
    public static bool Owns(string field) => typeof(ProfileForm).GetProperty(field, System.Reflection.BindingFlags.IgnoreCase
        | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance) is not null;
}
