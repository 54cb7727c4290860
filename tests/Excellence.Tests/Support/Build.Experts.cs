using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    /// <summary>A pool expert (no account unless <paramref name="account"/> is given).</summary>
    public async Task<Expert> PoolExpert(Action<Expert>? customise = null, TestUser? account = null)
    {
        var n = Interlocked.Increment(ref counter);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var e = new Expert
        {
            Name = $"专家{n}", OrganizationName = $"上海专家单位{n}有限公司", OrganizationCreditCode = CreditCodeFor(500_000 + n), Title = "教授级高工",
            Email = account?.Email ?? UniqueEmail("pool"), Categories = [Category.OrganizationModel, Category.SinglePractice],
            Industries = [Industry.Manufacturing], Sectors = ["HighEndEquipment"], UserId = account?.Id, CreatedAt = now, UpdatedAt = now,
        };
        customise?.Invoke(e);
        await App.WithDb(async db => { db.Experts.Add(e); await db.SaveChangesAsync(); });
        return e;
    }

    /// <summary>An expert with a sign-in account linked to its pool record.</summary>
    public async Task<(TestUser User, Expert Expert)> ExpertWithAccount(Action<Expert>? customise = null)
    {
        var user = await Expert();
        return (user, await PoolExpert(customise, user));
    }

    /// <summary>A submitted application now in preliminary review (成果初审), of the given year.</summary>
    public async Task<Application> ApplicationInReview(Organization? organization = null, RecommenderUnit? recommender = null, int year = 2026,
        Category category = Category.OrganizationModel)
    {
        organization ??= await Organization();
        var round = await OpenRound(year);
        var n = Interlocked.Increment(ref counter);
        return await Application(organization, recommender, category: category, customise: a =>
        {
            a.RoundId = round.Id;
            a.Year = year;
            a.Stage = Stage.PreliminaryReview;
            a.ReceiptNumber = $"{year}-T{n:D5}";
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime;
        });
    }

    public async Task<List<Assignment>> AssignmentsOf(Guid applicationId) =>
        await App.WithDb<List<Assignment>>(async (db, _) => await db.Assignments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync());

    public async Task<int> AuditCount() => await App.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync());
}
