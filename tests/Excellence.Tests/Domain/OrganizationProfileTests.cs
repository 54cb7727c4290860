using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;

namespace Excellence.Tests.Domain;

public class OrganizationProfileTests
{
    private static readonly DateOnly Today = new(2026, 6, 18);

    private static readonly OrganizationProfile Valid = new()
    {
        Name = " 上海测试有限公司 ", CreditCode = "91310115ma1fl3pq7a", District = "310115", EstablishedOn = new(2015, 3, 1),
        RegisteredAddress = "上海市浦东新区张江路1号", RegisteredPostcode = "201203", MailingAddress = "上海市浦东新区张江路1号",
        MailingPostcode = "201203", Nature = "MarketEntity", MarketEntityType = "Private", Industry = "Manufacturing",
        Sectors = ["IntegratedCircuits", "Finance"], Scale = "Medium", IsSpecialisedSme = false, ContactName = "李联系",
        ContactDepartment = "质量部（部长）", ContactMobile = "+86 138-0013-8000", ContactEmail = "quality@example.cn",
    };

    private static IEnumerable<string> Errors(OrganizationProfile p) =>
        OrganizationProfile.Validate(p, Today).Errors.Select(e => $"{e.Field}:{e.Problem}");

    [Fact]
    public void A_complete_profile_is_valid_and_normalised()
    {
        var check = OrganizationProfile.Validate(Valid, Today);
        Assert.Empty(check.Errors);
        Assert.Empty(check.Warnings);
        Assert.Equal("91310115MA1FL3PQ7A", check.Valid!.CreditCode);
        Assert.Equal("13800138000", check.Valid.ContactMobile);
        Assert.Equal("上海测试有限公司", check.Valid.Name);
        Assert.Equal(MarketEntityType.Private, check.Valid.MarketEntityType);
    }

    [Fact]
    public void Market_entity_type_is_required_for_market_entities_only_and_dropped_otherwise()
    {
        Assert.Equal(["marketEntityType:Validation.Required"], Errors(Valid with { MarketEntityType = null }));
        var agency = OrganizationProfile.Validate(Valid with { Nature = "GovernmentAgency" }, Today);
        Assert.Empty(agency.Errors);
        Assert.Null(agency.Valid!.MarketEntityType);
    }

    [Fact]
    public void Other_nature_and_other_sector_need_their_text()
    {
        Assert.Equal(["natureOther:Validation.Required", "sectorOther:Validation.Required"],
            Errors(Valid with { Nature = "Other", Sectors = ["Other"] }));
        var ok = OrganizationProfile.Validate(Valid with { Nature = "Other", NatureOther = "基金会", Sectors = ["Other"], SectorOther = "工业软件" }, Today);
        Assert.Empty(ok.Sectors());
        Assert.Equal("工业软件", ok.Valid!.SectorOther);
    }

    [Theory]
    [InlineData("Sectors", "sectors:Organization.SectorsRequired")]
    [InlineData("UnknownSector", "sectors:Validation.Choice")]
    public void Sectors_must_be_chosen_from_the_list(string sector, string expected) =>
        Assert.Equal([expected], Errors(Valid with { Sectors = sector == "Sectors" ? [] : [sector] }));

    [Fact]
    public void Unknown_codes_future_dates_and_bad_identifiers_are_field_errors()
    {
        Assert.Equal(
        [
            "creditCode:CreditCode.CheckCharacter(3)", "district:District.Unknown", "establishedOn:Validation.DateInFuture",
            "mailingPostcode:Postcode.Format", "industry:Validation.Choice", "scale:Validation.Choice",
            "contactMobile:Phone.Mobile", "contactEmail:Validation.Email",
        ], Errors(Valid with
        {
            CreditCode = "91350100M000100Y44", District = "310000", EstablishedOn = Today.AddDays(1), MailingPostcode = "2001",
            Industry = "Mining", Scale = "3", ContactMobile = "12345678901", ContactEmail = "not-an-email",
        }));
    }

    [Fact]
    public void A_postcode_outside_Shanghai_is_a_warning_not_an_error()
    {
        var check = OrganizationProfile.Validate(Valid with { RegisteredPostcode = "100080" }, Today);
        Assert.True(check.IsValid);
        Assert.Equal([new FieldProblem("registeredPostcode", new Problem("Postcode.UnusualForShanghai"))], check.Warnings);
    }
}

file static class CheckExtensions
{
    public static IReadOnlyList<string> Sectors(this ProfileCheck check) => check.Valid!.Sectors;
}
