using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Flows;

/// <summary>What a newcomer does after the README's first command: sign in as each demo role.</summary>
public sealed class DemoDataTests : IDisposable
{
    // What --demo sets; the waiver of the staff second factor must follow from it alone.
    private readonly AppFactory app = new AppFactory().With("DemoMode", "true");

    private static readonly Dictionary<string, string> HomeOf = new()
    {
        [Roles.Secretariat] = "/Secretariat/Rounds",
        [Roles.Applicant] = "/Organization/Profile",
        [Roles.Recommender] = "/Recommender/Applications",
        [Roles.Expert] = "/Account/Manage",
        [Roles.Approver] = "/Account/Manage",
        [Roles.Administrator] = "/Admin/Mail",
    };

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_published_password_and_reaches_its_pages()
    {
        await DemoData.SeedAsync(app.Services);
        foreach (var (email, role) in DemoData.Accounts)
        {
            var client = app.NewClient();
            await client.SignIn(new TestUser(Guid.Empty, email, DemoData.Password, null));
            var response = await client.GetAsync(HomeOf[role]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} GET {HomeOf[role]} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing_and_the_current_year_is_open_for_at_least_thirty_days()
    {
        await DemoData.SeedAsync(app.Services);
        var first = await Counts();
        await DemoData.SeedAsync(app.Services);
        Assert.Equal(first, await Counts());

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var rounds = await app.WithDb((db, _) => db.Rounds.Include(r => r.Phases).OrderBy(r => r.Year).ToListAsync());
        Assert.Equal(2024, rounds[0].Year);
        Assert.Equal(Shanghai.ToUtc(new DateTime(2024, 8, 23, 15, 0, 0)), rounds[0].SubmissionDeadline);
        var current = rounds[^1];
        Assert.True(current.AcceptsSubmissionsAt(now));
        Assert.True(current.SubmissionDeadline - now >= TimeSpan.FromDays(30));
        Assert.Equal(DemoData.Accounts.Count, first.Users);
    }

    [Fact]
    public async Task Outside_demo_mode_a_secretariat_account_without_a_second_factor_is_sent_to_enrol()
    {
        using var production = new AppFactory();
        await DemoData.SeedAsync(production.Services);
        var client = production.NewClient();
        await client.SignIn(new TestUser(Guid.Empty, "secretariat@demo.local", DemoData.Password, null));
        var response = await client.GetAsync("/Secretariat/Rounds");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/TwoFactor?required=true", response.Headers.Location!.OriginalString);
    }

    private Task<(int Users, int Rounds, int Organizations, int Units)> Counts() => app.WithDb(async (db, _) =>
        (await db.Users.CountAsync(), await db.Rounds.CountAsync(), await db.Organizations.CountAsync(), await db.RecommenderUnits.CountAsync()));

    public void Dispose() => app.Dispose();
}
