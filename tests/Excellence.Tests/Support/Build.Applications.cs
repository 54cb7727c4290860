using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    private static readonly SemaphoreSlim RoundGate = new(1, 1);

    /// <summary>The 2026 year of this app (created once per factory; applications open until 23 August 15:00).</summary>
    public async Task<Round> OpenRound(int year = 2026)
    {
        await RoundGate.WaitAsync();
        try
        {
            var existing = await App.WithDb<Round?>(async (db, _) => await db.Rounds.Include(r => r.Categories).FirstOrDefaultAsync(r => r.Year == year));
            return existing ?? await Round(year);
        }
        finally { RoundGate.Release(); }
    }

    /// <summary>
    /// An OrganizationModel draft written straight to the database, complete and ready to submit
    /// (every declaration answered, a recommender named unless <paramref name="recommender"/> is null and direct is set).
    /// </summary>
    public async Task<Application> Application(Organization organization, RecommenderUnit? recommender = null, bool complete = true,
        Category category = Category.OrganizationModel, Action<Application>? customise = null)
    {
        var round = await OpenRound();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var a = new Application
        {
            RoundId = round.Id, Year = round.Year, Category = category, OrganizationId = organization.Id,
            CreatedAt = now, UpdatedAt = now, UpdatedByName = "builder",
            Nominee = category == Category.IndividualExperience ? new Nominee() : null,
        };
        if (complete)
        {
            a.Title = "全面质量管理创新实践";
            a.Overview = "组织概述。";
            a.Content = "成果内容。";
            a.Effectiveness = "管理成效。";
            a.OwnUnitOpinion = "同意推荐。";
            a.QualityActivities = [new QualityActivity("QC小组活动", "优秀")];
            a.Eligibility = Eligibility.ConditionsFor(category).Where(c => !Eligibility.ComputedConditions.Contains(c))
                .Select(c => new EligibilityAnswer(c, true, null)).ToList();
            a.RecommenderUnitId = recommender?.Id;
            a.IsDirect = recommender is null;
        }
        customise?.Invoke(a);
        await App.WithDb(async db => { db.Applications.Add(a); await db.SaveChangesAsync(); });
        return a;
    }

    public async Task<Application?> Reload(Guid applicationId) =>
        await App.WithDb<Application?>(async (db, _) => await db.Applications.AsNoTracking().Include(a => a.Nominee).FirstOrDefaultAsync(a => a.Id == applicationId));
}
