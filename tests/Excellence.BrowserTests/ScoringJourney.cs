using Excellence.Tests.Support;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ScoringJourney(BrowserFixture browser)
{
    [Fact]
    public async Task An_expert_opens_its_queue_scores_sees_the_total_move_and_submits()
    {
        var build = new Build(browser.App);
        var (user, expert) = await build.PoolExpert("王评审");
        var application = await build.ApplicationInPreliminaryReview();
        var assignment = await build.Assignment(application, expert);
        var page = await browser.NewPage();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        var failed = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };

        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync("**/Expert");
        await page.Locator($"a[href='/Expert/Reviews/{assignment.Id}']").ClickAsync();
        await page.WaitForURLAsync($"**/Expert/Reviews/{assignment.Id}");

        var total = page.Locator("#score-total");
        await Assertions.Expect(total).ToHaveTextAsync("0.0");
        var selects = page.Locator("select.band-select");
        await Assertions.Expect(selects).ToHaveCountAsync(15);
        await selects.Nth(0).SelectOptionAsync("50");  // 1.1: 6 × 50 % = 3
        await Assertions.Expect(total).ToHaveTextAsync("3.0");
        await Assertions.Expect(page.Locator("#band-0-desc")).ToHaveTextAsync("方法系统，展开良好，基于事实改进");
        for (var i = 1; i < 15; i++) await selects.Nth(i).SelectOptionAsync("75");
        // 3 + 94 × 75 % = 3 + 70.5 = 73.5
        await Assertions.Expect(total).ToHaveTextAsync("73.5");
        await page.Locator("textarea[name='Input.Scores[0].Comment']").FillAsync("背景清晰，问题导向明确。");
        await page.Locator("#Input_Strengths").FillAsync("质量管理体系完整，数字化工具应用深入，数据翔实。");
        await page.Locator("#Input_Opportunities").FillAsync("结果部分缺少与行业标杆的对比；创新点的可推广性论证不足。");
        await BrowserFixture.Screenshot(page, "score-sheet");
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        page.Dialog += async (_, d) => await d.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await page.WaitForURLAsync($"**/Expert/Reviews/{assignment.Id}");
        await Assertions.Expect(page.Locator(".review-status").First).ToHaveTextAsync("已提交");
        Assert.Empty(failed);
        Assert.Empty(browser.ConsoleErrors(page).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)));
        var review = await browser.App.WithDb((db, _) => db.Reviews.AsNoTracking().FirstAsync(r => r.AssignmentId == assignment.Id));
        Assert.Equal((ReviewStatus.Submitted, 73.5m), (review.Status, review.Total));

        await page.Context.CloseAsync();
    }
}
