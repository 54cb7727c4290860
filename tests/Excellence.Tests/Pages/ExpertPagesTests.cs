using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Pages;

/// <summary>The secretariat's expert, group and assignment pages, and the expert's recusal form.</summary>
public class ExpertPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task The_secretariat_lists_adds_and_finds_experts_and_an_expert_is_refused_the_pool()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var email = Build.UniqueEmail("page");
        var saved = await client.PostForm("/Secretariat/Experts/Edit", new
        {
            Input_Name = "页面专家", Input_Email = email, Input_OrganizationName = "上海页面研究院", Input_Phone = "13700001234",
            Input_Categories = "SinglePractice", Input_Affiliations = "上海某公司||咨询|2024|", Input_IsActive = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await client.Html("/Secretariat/Experts?q=" + Uri.EscapeDataString("页面专家"));
        Assert.Contains("页面专家", html);
        Assert.Contains("137****1234", html);
        Assert.DoesNotContain("13700001234", html);

        var invalid = await client.PostForm("/Secretariat/Experts/Edit", new { Input_Name = "", Input_Email = "x", Input_OrganizationName = "单位", Input_Affiliations = "坏格式" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Input_Name-error", errors);
        Assert.Contains("Input_Affiliations-error", errors);

        var (expertUser, _) = await build.ExpertWithAccount();
        var expert = app.NewClient();
        await expert.SignIn(expertUser);
        var refused = await expert.GetAsync("/Secretariat/Experts");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/AccessDenied", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_group_and_assignment_pages_show_the_year()
    {
        var application = await build.ApplicationInReview();
        var org = await app.WithDb<Excellence.Web.Domain.Organizations.Organization>(async (db, _) => await db.Organizations.FindAsync(application.OrganizationId) ?? throw new InvalidOperationException());
        var conflicted = await build.PoolExpert(e => e.OrganizationCreditCode = org.CreditCode);
        var client = await app.SignedIn(await build.Secretariat());
        Assert.Contains("2026", await client.Html("/Secretariat/Groups?year=2026"));
        var html = await client.Html("/Secretariat/Assignments?year=2026");
        Assert.Contains(application.ReceiptNumber!, html);
        Assert.Contains(conflicted.Name + "：同一单位", html);
    }

    [Fact]
    public async Task The_assigned_expert_recuses_through_the_form_and_another_expert_gets_404()
    {
        var application = await build.ApplicationInReview();
        var (user, expert) = await build.ExpertWithAccount();
        var (otherUser, _) = await build.ExpertWithAccount();
        var assignment = new Assignment
        {
            ApplicationId = application.Id, ExpertId = expert.Id, RoundId = application.RoundId, Year = application.Year, Category = application.Category,
            AssignedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        await app.WithDb(async db => { db.Assignments.Add(assignment); await db.SaveChangesAsync(); });

        var other = await app.SignedIn(otherUser);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Expert/Assignments/Recuse/{assignment.Id}")).StatusCode);

        var client = await app.SignedIn(user);
        var form = await client.Html($"/Expert/Assignments/Recuse/{assignment.Id}");
        Assert.Contains(application.Title, form);
        var posted = await client.PostForm($"/Expert/Assignments/Recuse/{assignment.Id}", new { Reason = "曾任该单位顾问" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(AssignmentStatus.Recused, (await build.AssignmentsOf(application.Id)).Single().Status);
        var after = await client.Html($"/Expert/Assignments/Recuse/{assignment.Id}");
        Assert.DoesNotContain(application.Title, after);
    }
}
