using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ResultsJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_public_results_and_a_verification_read_well_on_a_laptop_and_a_phone()
    {
        var build = new Build(browser.App);
        var year = await build.ResultYear();
        await build.NoticeApplication(await build.Organization(o => o.Name = "上海明光精密制造有限公司"), year, Level.Benchmark, title: "精益质量管理模式");
        await build.NoticeApplication(await build.Organization(), year, Level.Excellent, consent: false);
        await build.NoticeApplication(await build.Organization(), year, Level.Advancing, Category.IndividualExperience, nominee: "张卓越");
        var secretariat = await build.Secretariat();
        var actor = new Actor(secretariat.Id, "秘书处", new HashSet<string> { Roles.Secretariat }, null, null);
        var published = await browser.App.WithDb((_, services) =>
            services.GetRequiredService<Excellence.Web.Features.Results.PublishResults.Handler>().HandleAsync(actor, new(year)));
        Assert.True(published.IsOk);
        var code = await browser.App.WithDb((db, _) => db.Certificates.Where(c => c.Year == year).OrderBy(c => c.Sequence).Select(c => c.Code).FirstAsync());

        foreach (var (w, h, name) in new[] { (1366, 768, "results-laptop"), (375, 812, "results-phone") })
        {
            var page = await browser.NewPage(w, h);
            await page.GotoAsync($"/results?year={year}");
            await Assertions.Expect(page.Locator(".result-card")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".results-rule")).ToContainTextAsync("不得在产品或包装上进行标注");
            await BrowserFixture.Screenshot(page, name);
            Assert.Empty(browser.ConsoleErrors(page));
            var violations = await BrowserFixture.AccessibilityViolations(page);
            Assert.True(violations.Count == 0, string.Join("\n", violations));

            await page.GotoAsync($"/verify/{code}");
            await Assertions.Expect(page.Locator(".verify-status")).ToContainTextAsync("真实有效");
            await BrowserFixture.Screenshot(page, name.Replace("results", "verify"));
            await page.Context.CloseAsync();
        }
    }
}
