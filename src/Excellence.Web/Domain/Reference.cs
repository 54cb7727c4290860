namespace Excellence.Web.Domain;

public enum Category { OrganizationModel, SinglePractice, IndividualExperience }

/// <summary>Highest first.</summary>
public enum Level { Benchmark, Excellent, Advancing }

public enum OrganizationNature { GovernmentAgency, CivilServiceManaged, PublicInstitution, MarketEntity, SocialOrganization, Other }

public enum MarketEntityType { StateOwned, Private, Foreign, IndividualBusiness, FarmerCooperative }

public enum Industry { Agriculture, Manufacturing, Services, Construction, MedicalAndEducation, OtherNonProfit }

public enum OrganizationScale { Large, Medium, SmallMicro }

public enum PoliticalStatus { CpcMember, CpcProbationaryMember, CylMember, DemocraticPartyMember, NonPartisan, Masses }

public enum Gender { Male, Female }

public enum RecommenderKind { GroupCompany, DistrictBureau, IndustryAuthority, IndustryAssociation }

/// <summary>The stages of one application (process.md).</summary>
public enum Stage
{
    Draft, AwaitingRecommendation, Screening, AwaitingSupplement, ScreeningFailed, PreliminaryReview, PanelReview,
    SiteVerification, Proposed, Approved, NotApproved, PublicNotice, Published, Withdrawn,
}

/// <summary>
/// The option lists of the forms as codes. Labels live in the resource files under
/// <c>Ref.{List}.{Code}</c>; <see cref="Lists"/> is what <c>GET /api/v1/reference</c> serves.
/// </summary>
public static class Reference
{
    public sealed record SectorGroup(string Code, IReadOnlyList<string> Sectors);

    /// <summary>所属产业, in the form's groups and order. "Other" takes free text.</summary>
    public static readonly IReadOnlyList<SectorGroup> SectorGroups =
    [
        new("Leading", ["IntegratedCircuits", "Biomedicine", "ArtificialIntelligence"]),
        new("Key", ["ElectronicInformation", "LifeHealth", "Automotive", "HighEndEquipment", "AdvancedMaterials", "FashionConsumerGoods"]),
        new("ModernServices", ["Finance", "Trade", "Transportation", "Shipping", "SciTechServices", "DigitalInformationServices",
            "ResearchAndDesign", "HealthAndElderlyCare", "CultureAndTourism", "Education", "StandardsMetrologyTesting", "CommunityServices"]),
    ];

    public static readonly IReadOnlySet<string> Sectors =
        SectorGroups.SelectMany(g => g.Sectors).ToHashSet(StringComparer.Ordinal);

    /// <summary>Shanghai's 16 districts (GB/T 2260), code → Chinese name kept for data exports.</summary>
    public static readonly IReadOnlyList<string> Districts =
    [
        "310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
        "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151",
    ];

    /// <summary>Every list served by the reference endpoint: list name → codes in display order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["OrganizationNature"] = Enum.GetNames<OrganizationNature>(),
        ["MarketEntityType"] = Enum.GetNames<MarketEntityType>(),
        ["Industry"] = Enum.GetNames<Industry>(),
        ["Sector"] = SectorGroups.SelectMany(g => g.Sectors).Append("Other").ToArray(),
        ["SectorGroup"] = SectorGroups.Select(g => g.Code).ToArray(),
        ["OrganizationScale"] = Enum.GetNames<OrganizationScale>(),
        ["PoliticalStatus"] = Enum.GetNames<PoliticalStatus>(),
        ["Gender"] = Enum.GetNames<Gender>(),
        ["District"] = Districts,
        ["RecommenderKind"] = Enum.GetNames<RecommenderKind>(),
        ["Category"] = Enum.GetNames<Category>(),
        ["Level"] = Enum.GetNames<Level>(),
        ["Stage"] = Enum.GetNames<Stage>(),
    };

    /// <summary>The resource key of a code's label.</summary>
    public static string Key(string list, string code) => $"Ref.{list}.{code}";
    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => $"Ref.{typeof(TEnum).Name}.{value}";
}
