using Excellence.Tests.Support;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class RoundEditingJourney(BrowserFixture browser)
{
    private static async Task SignIn(IPage page, TestUser user)
    {
        await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FSecretariat%2FRounds");
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.Locator("#Code").FillAsync(Http.TotpCode(user.AuthenticatorKey!));
        await page.Locator("#Code").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn"));
    }

    [Fact]
    public async Task The_secretariat_adds_and_removes_timeline_rows_in_place_and_saves_the_year()
    {
        var build = new Build(browser.App);
        await build.Round(2020);
        var page = await browser.NewPage();
        // The machine may be busy (six suites share two cores): a long form round-trip is not a failure.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        var failed = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
        await SignIn(page, await build.Secretariat());
        await page.GotoAsync("/Secretariat/Rounds/Edit/2020");
        var rows = page.Locator(".round-timeline tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "添加一行" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await page.Locator("select[name='Input.Timeline[3].Kind']").SelectOptionAsync("Approval");
        await page.Locator("input[name='Input.Timeline[3].Name']").FillAsync("成果审定");
        await page.Locator("input[name='Input.Timeline[3].StartsOn']").FillAsync("2020-11-01");
        await page.Locator("input[name='Input.Timeline[3].EndsOn']").FillAsync("2020-11-15");
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("input[name='Input.Timeline[2].Name']")).ToHaveValueAsync("成果审定");
        await BrowserFixture.Screenshot(page, "round-edit");
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // A past year (the shared app's home page shows the newest one, which other journeys own), so a reason is due.
        await page.Locator("#Input_Reason").FillAsync("浏览器测试：补充审定阶段");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync("**/Secretariat/Rounds");
        // Every response the page saw succeeded; the console holds no script or CSP error (the browser's own
        // favicon request is not the page's and reports only as "Failed to load resource").
        Assert.Empty(failed);
        Assert.Empty(browser.ConsoleErrors(page).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)));
        var phases = await browser.App.WithDb((db, _) => db.RoundPhases.Where(p => db.Rounds.Any(r => r.Id == p.RoundId && r.Year == 2020))
            .OrderBy(p => p.Order).Select(p => p.Kind).ToListAsync());
        Assert.Equal([PhaseKind.Application, PhaseKind.Evaluation, PhaseKind.Approval], phases);
        await page.Context.CloseAsync();
    }
}
