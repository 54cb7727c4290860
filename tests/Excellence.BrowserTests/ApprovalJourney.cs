using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ApprovalJourney(BrowserFixture browser)
{
    [Fact]
    public async Task An_approver_approves_all_as_proposed_with_one_level_change()
    {
        var build = new Build(browser.App);
        var round = await build.Round(2095);
        var approver = await build.Approver();
        var a = await build.ProposedApplication(round, Level.Benchmark, 93m, title: "全员参与的卓越绩效管理模式", from: Stage.SiteVerification);
        var b = await build.ProposedApplication(round, Level.Excellent, 86m, Category.SinglePractice, title: "供应商质量协同改进实践");
        var c = await build.ProposedApplication(round, Level.Advancing, 78m, Category.SinglePractice, title: "班组质量改进小组活动实践");
        var m = await build.ApprovalMeeting(round, [approver]);

        var page = await browser.NewPage();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Input_Email").FillAsync(approver.Email);
        await page.Locator("#Input_Password").FillAsync(approver.Password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync("**/Approver");
        await page.GetByText(m.Title).ClickAsync();
        await page.WaitForURLAsync($"**/Approver/Meetings/{m.Id}");

        var item = page.Locator($"#item-{c.Id}");
        await item.GetByLabel("调整等级").CheckAsync();
        await item.Locator("select").SelectOptionAsync("Excellent");
        await item.GetByLabel("理由").FillAsync("小组活动成效显著，建议上调为优秀级");
        await BrowserFixture.Screenshot(page, "approval-vote");
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交表决" }).ClickAsync();
        await page.WaitForURLAsync($"**/Approver/Meetings/{m.Id}");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("已记录 3 项表决");
        await BrowserFixture.Screenshot(page, "approval-voted");

        var votes = await browser.App.WithDb((db, _) => db.ApprovalVotes.AsNoTracking().Where(v => v.MeetingId == m.Id).ToDictionaryAsync(v => v.ApplicationId));
        Assert.Equal(VoteChoice.Approve, votes[a.Id].Choice);
        Assert.Equal(VoteChoice.Approve, votes[b.Id].Choice);
        Assert.Equal((VoteChoice.ChangeLevel, (Level?)Level.Excellent), (votes[c.Id].Choice, votes[c.Id].Level));
        Assert.Empty(browser.ConsoleErrors(page).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)));
    }
}
