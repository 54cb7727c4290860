using Excellence.Tests.Support;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

/// <summary>The secretariat's rankings page and its calibration tab, in the browser (screenshots in artifacts/).</summary>
[Collection(nameof(BrowserCollection))]
public class RankingJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_secretariat_reads_the_ranking_and_the_calibration()
    {
        var build = new Build(browser.App);
        var s = await build.RankingScenario();
        var user = await build.Secretariat();
        var page = await browser.NewPage();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        var failed = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
        await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FSecretariat");
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.Locator("#Code").FillAsync(Http.TotpCode(user.AuthenticatorKey!));
        await page.Locator("#Code").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn"));

        await page.GotoAsync($"/Secretariat/Rankings?year={s.World.Year}&category=OrganizationModel");
        await Assertions.Expect(page.Locator(".ranking-table tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("tr.ranking-candidate")).ToHaveCountAsync(1);
        await BrowserFixture.Screenshot(page, "ranking");
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.GetByRole(AriaRole.Link, new() { Name = "专家评分校准" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ranking-calibration tbody tr")).ToHaveCountAsync(5);
        await BrowserFixture.Screenshot(page, "ranking-calibration");
        Assert.Empty(failed);
        Assert.Empty(browser.ConsoleErrors(page).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)));
    }
}
