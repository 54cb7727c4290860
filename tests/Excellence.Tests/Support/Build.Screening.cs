using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    private static int receipts;

    /// <summary>A complete application of the organisation, submitted and waiting in screening (direct unless a recommender is given).</summary>
    public Task<Application> InScreening(Organization organization, RecommenderUnit? recommender = null, Category category = Category.OrganizationModel) =>
        Application(organization, recommender, category: category, customise: a =>
        {
            a.Stage = Stage.Screening;
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime.AddDays(-2);
            a.ReceiptNumber = $"2026-S-{Interlocked.Increment(ref receipts):D4}-{Guid.NewGuid().ToString("N")[..6]}";
            a.Version = 3;
        });

    /// <summary>The checklist answered "met" on every item of the default for the category.</summary>
    public static object[] AllMet(Category category = Category.OrganizationModel) =>
        Excellence.Web.Domain.Screening.DefaultChecklist.For(category).Select(i => (object)new { code = i.Code, met = true }).ToArray();
}
