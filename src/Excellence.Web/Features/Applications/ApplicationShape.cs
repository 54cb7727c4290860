using System.Text.Json;
using System.Text.Json.Serialization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// The editable part of an application, as the API's PUT body and the page's form both send it
/// (field names follow spec/api.md). Mutable classes so Razor Pages can bind them too.
/// </summary>
public sealed class ApplicationForm
{
    public List<QualityActivityRow> QualityActivities { get; set; } = [];
    public List<AwardRow> Awards { get; set; } = [];
    public NomineeForm? Nominee { get; set; }
    public ReportForm Report { get; set; } = new();
    public List<EligibilityRow> Eligibility { get; set; } = [];
    public Guid? RecommenderId { get; set; }
    /// <summary>The direct path (Article 8); also implied by a non-null <see cref="DirectApplicationReason"/>.</summary>
    public bool? Direct { get; set; }
    public string? DirectApplicationReason { get; set; }
    public string? OwnUnitOpinion { get; set; }
    /// <summary>同意公示和发布本单位（申报人）名称、成果名称、类别和等级; null leaves it as it is.</summary>
    public bool? ConsentToPublish { get; set; }
    /// <summary>The version the client last read, when it cannot send If-Match (the page's form).</summary>
    public int? Version { get; set; }

    [JsonIgnore] public bool IsDirect => Direct ?? DirectApplicationReason is not null;
}

public sealed class QualityActivityRow
{
    public string? Name { get; set; }
    public string? Result { get; set; }
}

public sealed class AwardRow
{
    public string? Name { get; set; }
    public DateOnly? Date { get; set; }
    public string? AwardingBody { get; set; }
}

public sealed class ReportForm
{
    public string? Title { get; set; }
    public string? Overview { get; set; }
    public string? Content { get; set; }
    public string? Effectiveness { get; set; }
}

public sealed class EligibilityRow
{
    public string Condition { get; set; } = "";
    public bool? Met { get; set; }
    public string? Note { get; set; }
    /// <summary>Read-only: decided from data.</summary>
    public bool Computed { get; set; }
    /// <summary>Read-only: why a computed condition fails (a resource key).</summary>
    public string? Why { get; set; }
}

public sealed class NomineeForm
{
    public string? Name { get; set; }
    /// <summary>Write-only in full; reads answer the masked value.</summary>
    public string? ResidentId { get; set; }
    public Gender? Gender { get; set; }
    public PoliticalStatus? PoliticalStatus { get; set; }
    public string? TitleOrSkill { get; set; }
    public string? Education { get; set; }
    public string? Department { get; set; }
    public string? Position { get; set; }
    public int? YearsOfWork { get; set; }
    public int? YearsInCurrentPost { get; set; }
    /// <summary>Personal information: reads answer it masked.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WorkHistory { get; set; }
    public string? RecentHonours { get; set; }
    /// <summary>Read-only: the SHA-256 of the stored photo, null when none (the photo itself is an upload).</summary>
    public string? PhotoSha256 { get; set; }
}

/// <summary>Section 一 as shown on the form: the profile while a draft, the frozen copy after submission.</summary>
public sealed record OrganizationSection(
    string Name, string CreditCode, string District, DateOnly EstablishedOn, string RegisteredAddress, string RegisteredPostcode,
    string MailingAddress, string MailingPostcode, OrganizationNature Nature, string? NatureOther, MarketEntityType? MarketEntityType,
    Industry Industry, IReadOnlyList<string> Sectors, string? SectorOther, OrganizationScale Scale, bool IsSpecialisedSme,
    string ContactName, string ContactDepartment, string ContactMobile, string ContactEmail)
{
    public static OrganizationSection From(Organization o) => new(o.Name, o.CreditCode, o.District, o.EstablishedOn, o.RegisteredAddress,
        o.RegisteredPostcode, o.MailingAddress, o.MailingPostcode, o.Nature, o.NatureOther, o.MarketEntityType, o.Industry, o.Sectors.ToList(),
        o.SectorOther, o.Scale, o.IsSpecialisedSme, o.ContactName, o.ContactDepartment, o.ContactMobileMasked, o.ContactEmail);
}

public sealed record RecommendationView(string Opinion, RecommendationDecision? Decision, DateOnly? Date, string? By);

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>The application resource of spec/api.md (GET answers it; the submitted snapshot is this, frozen).</summary>
public sealed record ApplicationDto(
    Guid Id, int Year, Category Category, Stage Stage, string? ReceiptNumber, int Version,
    OrganizationSection Organization, IReadOnlyList<QualityActivityRow> QualityActivities, IReadOnlyList<AwardRow> Awards,
    NomineeForm? Nominee, ReportForm Report, IReadOnlyList<EligibilityRow> Eligibility,
    Guid? RecommenderId, string? RecommenderName, bool Direct, string? DirectApplicationReason, string OwnUnitOpinion,
    RecommendationView? Recommendation, IReadOnlyList<EvidenceView> Evidence,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt)
{
    /// <summary>Whether the applicant agrees that name, title, category and level appear on the public notice.</summary>
    public bool ConsentToPublish { get; init; } = true;
}

public static class ApplicationShape
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ApplicationDto ToDto(Application a, Organization org, string? recommenderName, DateOnly today, bool liveProfile = false,
        IReadOnlyList<EvidenceView>? evidence = null)
    {
        // After submission section 一 is the frozen copy, never the profile as it is today.
        var section = !liveProfile && a.SnapshotJson is not null && a.Stage != Stage.Draft
            ? JsonSerializer.Deserialize<ApplicationDto>(a.SnapshotJson, Json)!.Organization
            : OrganizationSection.From(org);
        var eligibility = Domain.Applications.Eligibility.Evaluate(a, org, today).Select(r => new EligibilityRow
        {
            Condition = r.Condition, Met = r.Met, Note = r.Note, Computed = r.Computed, Why = r.Why?.Key,
        }).ToList();
        return new ApplicationDto(a.Id, a.Year, a.Category, a.Stage, a.ReceiptNumber, a.Version, section,
            a.QualityActivities.Select(q => new QualityActivityRow { Name = q.Name, Result = q.Result }).ToList(),
            a.Awards.Select(w => new AwardRow { Name = w.Name, Date = w.Date, AwardingBody = w.AwardingBody }).ToList(),
            a.Nominee is null ? null : NomineeView(a.Nominee),
            new ReportForm { Title = a.Title, Overview = a.Overview, Content = a.Content, Effectiveness = a.Effectiveness },
            eligibility, a.RecommenderUnitId, recommenderName, a.IsDirect, a.DirectApplicationReason, a.OwnUnitOpinion,
            a.RecommenderDecision is null ? null : new RecommendationView(a.RecommenderOpinion, a.RecommenderDecision, a.RecommenderOpinionDate, a.RecommendedByName),
            evidence ?? [], a.CreatedAt, a.UpdatedAt, a.SubmittedAt) { ConsentToPublish = a.ConsentToPublish };
    }

    /// <summary>The nominee as every reader sees it: ID number and phone masked.</summary>
    public static NomineeForm NomineeView(Nominee n) => new()
    {
        Name = n.Name, ResidentId = n.ResidentIdMasked, Gender = n.Gender, PoliticalStatus = n.PoliticalStatus,
        TitleOrSkill = n.TitleOrSkill, Education = n.Education, Department = n.Department, Position = n.Position,
        YearsOfWork = n.YearsOfWork, YearsInCurrentPost = n.YearsInCurrentPost, Phone = n.PhoneMasked, Email = n.Email,
        WorkHistory = n.WorkHistory, RecentHonours = n.RecentHonours, PhotoSha256 = n.PhotoSha256,
    };

    /// <summary>The editable part of a DTO, e.g. to prefill the page's form.</summary>
    public static ApplicationForm ToForm(ApplicationDto d) => new()
    {
        QualityActivities = d.QualityActivities.ToList(), Awards = d.Awards.ToList(), Nominee = d.Nominee,
        Report = d.Report, Eligibility = d.Eligibility.ToList(), RecommenderId = d.RecommenderId, Direct = d.Direct,
        DirectApplicationReason = d.DirectApplicationReason, OwnUnitOpinion = d.OwnUnitOpinion, Version = d.Version,
        ConsentToPublish = d.ConsentToPublish,
    };

    /// <summary>
    /// The fields where the stored application differs from what a stale client sent: what someone
    /// else changed in the meantime, answered with a refused save.
    /// </summary>
    public static IReadOnlyList<string> Differences(ApplicationDto current, ApplicationForm sent)
    {
        var changed = new List<string>();
        void Compare(string field, string? a, string? b)
        {
            if ((a ?? "").Trim() != (b ?? "").Trim()) changed.Add(field);
        }
        Compare("report.title", current.Report.Title, sent.Report.Title);
        Compare("report.overview", current.Report.Overview, sent.Report.Overview);
        Compare("report.content", current.Report.Content, sent.Report.Content);
        Compare("report.effectiveness", current.Report.Effectiveness, sent.Report.Effectiveness);
        Compare("ownUnitOpinion", current.OwnUnitOpinion, sent.OwnUnitOpinion);
        Compare("qualityActivities", JsonSerializer.Serialize(current.QualityActivities.Where(NotEmpty), Json),
            JsonSerializer.Serialize(sent.QualityActivities.Where(NotEmpty), Json));
        Compare("awards", JsonSerializer.Serialize(current.Awards.Where(NotEmpty), Json), JsonSerializer.Serialize(sent.Awards.Where(NotEmpty), Json));
        Compare("recommenderId", current.Direct ? "direct" : current.RecommenderId?.ToString(), sent.IsDirect ? "direct" : sent.RecommenderId?.ToString());
        if (current.Nominee is { } n && sent.Nominee is { } s)
        {
            Compare("nominee.name", n.Name, s.Name);
            Compare("nominee.workHistory", n.WorkHistory, s.WorkHistory);
            Compare("nominee.recentHonours", n.RecentHonours, s.RecentHonours);
        }
        return changed;
    }

    public static bool NotEmpty(QualityActivityRow r) => !string.IsNullOrWhiteSpace(r.Name) || !string.IsNullOrWhiteSpace(r.Result);
    public static bool NotEmpty(AwardRow r) => !string.IsNullOrWhiteSpace(r.Name) || r.Date is not null || !string.IsNullOrWhiteSpace(r.AwardingBody);
}
