using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>An application with what its rules need: the organisation, the year and its limits.</summary>
public sealed record LoadedApplication(Application Application, Organization Organization, Round Round, RoundCategory Limits)
{
    public async Task<IReadOnlyList<EvidenceView>> EvidenceAsync(AppDb db, CancellationToken ct) =>
        await db.Evidence.AsNoTracking().Where(e => e.ApplicationId == Application.Id).OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256)).ToListAsync(ct);

    public async Task<string?> RecommenderNameAsync(AppDb db, CancellationToken ct) =>
        Application.RecommenderUnitId is { } id
            ? await db.RecommenderUnits.Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;
}

public static class ApplicationLoading
{
    public static async Task<LoadedApplication?> LoadAsync(this AppDb db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var query = db.Applications.Include(a => a.Nominee).Where(a => a.Id == id);
        var application = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (application is null) return null;
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == application.OrganizationId, ct);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Phases).Include(r => r.Categories).FirstAsync(r => r.Id == application.RoundId, ct);
        var limits = round.Categories.FirstOrDefault(c => c.Category == application.Category) ?? RoundCategory.Default(application.Category);
        return new LoadedApplication(application, organization, round, limits);
    }

    /// <summary>The code of a category in receipt numbers: 2026-OM-0001.</summary>
    public static string ReceiptCode(Category category) => category switch
    {
        Category.OrganizationModel => "OM",
        Category.SinglePractice => "SP",
        Category.IndividualExperience => "IE",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static DateOnly Today(this TimeProvider clock) => Shanghai.Today(clock.GetUtcNow());
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
