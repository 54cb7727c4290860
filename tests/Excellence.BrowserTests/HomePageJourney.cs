using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class HomePageJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_counts_down_to_the_deadline_on_a_laptop_and_a_phone()
    {
        var build = new Excellence.Tests.Support.Build(browser.App);
        browser.App.Clock.Set(DateTimeOffset.UtcNow);
        // The browser suite shares one app: another journey may have built next year's round already.
        if (!await browser.App.WithDb((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Rounds, r => r.Year == DateTime.UtcNow.Year + 1)))
            await build.Round(DateTime.UtcNow.Year + 1);

        foreach (var (w, h, name) in new[] { (1366, 768, "home-laptop"), (375, 812, "home-phone") })
        {
            var page = await browser.NewPage(w, h);
            // The home page opens on the latest year; the whole-year journey builds a far later one, so name the year.
            await page.GotoAsync($"/?year={DateTime.UtcNow.Year + 1}");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{DateTime.UtcNow.Year + 1}年卓越管理创新成果评价");
            var seconds = page.Locator(".countdown [data-part=s]");
            var first = await seconds.TextContentAsync();
            // The clock ticks every second; on a loaded machine allow a few seconds for the first tick to show.
            await Assertions.Expect(seconds).Not.ToHaveTextAsync(first!, new() { Timeout = 5000 });
            await BrowserFixture.Screenshot(page, name);
            Assert.Empty(browser.ConsoleErrors(page));
            var violations = await BrowserFixture.AccessibilityViolations(page);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_language_switch_turns_the_page_English_and_remembers_it()
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("Submission deadline")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
