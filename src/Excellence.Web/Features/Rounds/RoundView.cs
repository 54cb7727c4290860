using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;

namespace Excellence.Web.Features.Rounds;

/// <summary>The public shape of a year (GET /api/v1/rounds/{year}); times as ISO 8601 in Shanghai (+08:00).</summary>
public sealed record RoundView(
    int Year, string Title, string TitleEn, string NoticeNumber, RoundStatus Status, DateTimeOffset SubmissionDeadline,
    DateTimeOffset? OpensAt, IReadOnlyList<RoundView.Phase> Timeline, IReadOnlyList<RoundView.CategoryLimits> Categories,
    RoundView.Evidence EvidenceLimits, RoundView.ContactDetails Contact, int Version)
{
    public sealed record Phase(PhaseKind Kind, string Name, string NameEn, DateOnly StartsOn, DateOnly EndsOn, string Note);

    public sealed record CategoryLimits(Category Category, bool Enabled, int TitleLimit, int OverviewLimit, int ContentLimit,
        int EffectivenessLimit, int? MaxPerOrganization);

    public sealed record Evidence(long FileMb, long TotalMb);

    public sealed record ContactDetails(string Department, string Person, string Phone, string Email);

    public static RoundView Of(Round r, DateTime nowUtc) => new(
        r.Year, r.Title, r.TitleEn, r.NoticeNumber, r.StatusAt(nowUtc), Shanghai.ToLocal(r.SubmissionDeadline),
        r.OpensAt is { } o ? Shanghai.ToLocal(o) : null,
        r.Phases.OrderBy(p => p.Order).Select(p => new Phase(p.Kind, p.Name, p.NameEn, p.StartsOn, p.EndsOn, p.Note)).ToList(),
        r.Categories.OrderBy(c => c.Category).Select(c => new CategoryLimits(c.Category, c.Enabled, c.TitleLimit, c.OverviewLimit,
            c.ContentLimit, c.EffectivenessLimit, c.MaxPerOrganization)).ToList(),
        new Evidence(r.EvidenceFileLimitBytes / (1024 * 1024), r.EvidenceTotalLimitBytes / (1024 * 1024)),
        new ContactDetails(r.ContactDepartment, r.ContactPerson, r.ContactPhone, r.ContactEmail), r.Version);
}
