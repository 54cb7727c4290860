using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    /// <summary>An expert of the pool with a sign-in account (role Expert), working at <paramref name="organizationName"/>.</summary>
    public async Task<(TestUser User, Expert Expert)> PoolExpert(string name, string? organizationName = null, string? creditCode = null)
    {
        var user = await User(Roles.Expert);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var expert = new Expert
        {
            UserId = user.Id, Name = name, OrganizationName = organizationName ?? $"上海某高校{Interlocked.Increment(ref counter)}",
            OrganizationCreditCode = creditCode, Title = "教授", Email = user.Email, Categories = [Category.OrganizationModel],
            CreatedAt = now, UpdatedAt = now,
        };
        await App.WithDb(async db => { db.Experts.Add(expert); await db.SaveChangesAsync(); });
        return (user, expert);
    }

    /// <summary>An application already in panel review (or another stage), on the benchmark-candidate list unless told.</summary>
    public async Task<Application> InPanelReview(string title, Organization? organization = null, bool candidate = true, Stage stage = Stage.PanelReview,
        decimal score = 86.5m)
    {
        organization ??= await Organization();
        var n = Interlocked.Increment(ref counter);
        return await Application(organization, customise: a =>
        {
            a.Title = title;
            a.Stage = stage;
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime;
            a.ReceiptNumber = $"2026-OM-{n % 10000:D4}";
            a.PreliminaryScore = score;
            a.ProposedLevel = Level.Benchmark;
            a.IsBenchmarkCandidate = candidate;
        });
    }
}
