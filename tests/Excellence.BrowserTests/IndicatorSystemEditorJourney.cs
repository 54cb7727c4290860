using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class IndicatorSystemEditorJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_secretariat_adds_a_question_keeps_what_was_typed_and_removes_it_after_confirming()
    {
        var build = new Build(browser.App);
        var user = await build.Secretariat();
        var page = await browser.NewPage();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.AcceptAsync(); };

        await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FSecretariat%2FDiagnosis%2FIndicatorSystems");
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.Locator("#Code").FillAsync(Http.TotpCode(user.AuthenticatorKey!));
        await page.Locator("#Code").PressAsync("Enter");
        await page.WaitForURLAsync("**/Secretariat/Diagnosis/IndicatorSystems");

        // The workbench the secretariat starts from links here too.
        await page.GotoAsync("/Secretariat");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("秘书处工作台");
        Assert.Empty(await BrowserFixture.AccessibilityViolations(page));
        await BrowserFixture.Screenshot(page, "secretariat-workbench");
        await page.Locator("a.workbench-card[href='/Secretariat/Diagnosis/IndicatorSystems']").ClickAsync();
        await page.WaitForURLAsync("**/Secretariat/Diagnosis/IndicatorSystems");
        await page.GetByRole(AriaRole.Button, new() { Name = "复制当前版本为草稿" }).ClickAsync();
        await page.WaitForURLAsync("**/IndicatorSystems/Edit/**");
        var draftId = Guid.Parse(page.Url.Split('/')[^1].Split('?')[0]);

        // Type a change, then add a question to D3: the change is kept and the new question 3.6 appears.
        await page.Locator("input[name='Definition.Dimensions[0].NameZh']").FillAsync("战略与领导力");
        await page.Locator("#dimension-2").GetByRole(AriaRole.Button, new() { Name = "添加题目" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[2].Indicators[5].Code']")).ToHaveValueAsync("3.6");
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[0].NameZh']")).ToHaveValueAsync("战略与领导力");
        await Assertions.Expect(page.Locator("#system-problems li")).ToHaveTextAsync(
            ["dimensions[2].indicators[5].text: 此项为必填项", "dimensions[2].indicators[5].weight: 权重须大于 0"]);
        await BrowserFixture.Screenshot(page, "indicator-system-question-added");
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Enter in a field saves; it does not trigger the first removal button of the form.
        await page.Locator("input[name='Definition.Dimensions[2].Indicators[5].Text']").FillAsync("创新成果转化");
        await page.Locator("input[name='Definition.Dimensions[2].Indicators[5].Text']").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync("草稿已保存");
        Assert.Empty(dialogs);
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[0].Code']")).ToHaveValueAsync("D1");
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[2].Indicators[5].Text']")).ToHaveValueAsync("创新成果转化");
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[2].Indicators[6].Code']")).ToHaveCountAsync(0);

        // Removing asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = "删除题目 3.6" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(["删除题目 3.6？未保存的修改会一并保存。"], dialogs);
        await Assertions.Expect(page.Locator("input[name='Definition.Dimensions[2].Indicators[5].Code']")).ToHaveCountAsync(0);
        Assert.Empty(browser.ConsoleErrors(page).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)));

        var stored = await browser.App.WithDb(async (db, _) => (await db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == draftId)).Definition);
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5"], stored.Dimensions[2].Indicators.Select(q => q.Code));
        Assert.Equal("战略与领导力", stored.Dimensions[0].NameZh);
        await page.Context.CloseAsync();
    }
}
