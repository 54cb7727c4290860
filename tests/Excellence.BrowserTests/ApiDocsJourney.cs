using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ApiDocsJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_api_reference_is_reached_from_the_footer_and_reads_well_on_a_laptop_and_a_phone()
    {
        foreach (var (w, h, name) in new[] { (1366, 768, "api-docs-laptop"), (375, 812, "api-docs-phone") })
        {
            var page = await browser.NewPage(w, h);
            await page.GotoAsync("/");
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "接口文档" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("接口文档");
            await Assertions.Expect(page.Locator("#get-api-v1-health .api-path")).ToHaveTextAsync("/api/v1/health");

            await page.Locator(".api-toc").GetByRole(AriaRole.Link, new() { Name = "GET /reference" }).ClickAsync();
            Assert.EndsWith("#get-api-v1-reference", page.Url);

            await BrowserFixture.Screenshot(page, name);
            Assert.Empty(browser.ConsoleErrors(page));
            var violations = await BrowserFixture.AccessibilityViolations(page);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await page.Context.CloseAsync();
        }
    }
}
