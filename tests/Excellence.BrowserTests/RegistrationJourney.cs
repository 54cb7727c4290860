using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class RegistrationJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_organisation_registers_edits_its_profile_and_sees_the_countdown()
    {
        var build = new Build(browser.App);
        browser.App.Clock.Set(DateTimeOffset.UtcNow);
        var year = DateTime.UtcNow.Year + 1;
        if (!await browser.App.WithDb((db, _) => db.Rounds.AnyAsync(r => r.Year == year))) await build.Round(year);

        var page = await browser.NewPage();
        var failed = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add(r.Status + " " + r.Url); };
        await page.GotoAsync("/Account/Register");
        var email = Build.UniqueEmail("browser");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("周浏览");
        await page.GetByLabel("电子邮件", new() { Exact = true }).First.FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Build.Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Build.Password);
        await page.GetByLabel("组织名称").FillAsync("上海浏览器测试有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync(Build.CreditCodeFor(Random.Shared.Next(1_000_000, 9_000_000)));
        await page.GetByLabel("所在区").SelectOptionAsync("310104");
        await page.GetByLabel("成立日期").FillAsync("2012-05-20");
        await page.GetByLabel("注册地址").FillAsync("上海市徐汇区测试路88号");
        await page.Locator("#Org_RegisteredPostcode").FillAsync("200030");
        await page.GetByLabel("通讯地址").FillAsync("上海市徐汇区测试路88号");
        await page.Locator("#Org_MailingPostcode").FillAsync("200030");

        // The market-entity type appears only for 市场主体.
        var marketType = page.Locator("[data-market-type]");
        await Assertions.Expect(marketType).ToBeHiddenAsync();
        await page.GetByLabel("市场主体", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(marketType).ToBeVisibleAsync();
        await page.GetByLabel("民营企业").CheckAsync();
        await page.GetByLabel("服务业").CheckAsync();
        await page.GetByLabel("人工智能").CheckAsync();
        await page.GetByLabel("研发设计").CheckAsync();
        await page.GetByLabel("小微型").CheckAsync();
        await page.Locator("#Org_IsSpecialisedSme_true").CheckAsync();
        await page.GetByLabel("填报人姓名").FillAsync("周浏览");
        await page.GetByLabel("部门（职务）").FillAsync("综合管理部（主任）");
        await page.GetByLabel("联系手机").FillAsync("13700001111");
        await page.Locator("#Org_ContactEmail").FillAsync("contact@browser.test");
        await BrowserFixture.Screenshot(page, "register-filled-laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/Organization/Profile");
        await Assertions.Expect(page.Locator("[data-masked-mobile]")).ToHaveTextAsync("137****1111");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.GetByLabel("填报人姓名").FillAsync("吴新联系人");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync("**/Organization/Profile");
        await Assertions.Expect(page.Locator(".profile-view")).ToContainTextAsync("吴新联系人");
        await BrowserFixture.Screenshot(page, "profile-laptop");
        await page.GotoAsync("/Organization/Members");
        await page.GetByLabel("同事的电子邮件").FillAsync(Build.UniqueEmail("colleague"));
        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-invitation]")).ToHaveCountAsync(1);
        await BrowserFixture.Screenshot(page, "members-laptop");

        await page.GotoAsync($"/?year={year}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{year}年卓越管理创新成果评价");
        await Assertions.Expect(page.Locator(".countdown [data-part=s]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[action='/Account/SignOut']")).ToHaveCountAsync(1);
        Assert.Empty(failed);
        Assert.Empty(browser.ConsoleErrors(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_registration_form_reads_well_on_a_laptop_and_a_phone()
    {
        foreach (var (w, h, name) in new[] { (1366, 768, "register-laptop"), (375, 812, "register-phone") })
        {
            var page = await browser.NewPage(w, h);
            await page.GotoAsync("/Account/Register");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("申报单位注册");
            await BrowserFixture.Screenshot(page, name);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"the page scrolls sideways at {w} px");
            Assert.Empty(browser.ConsoleErrors(page));
            var violations = await BrowserFixture.AccessibilityViolations(page);
            Assert.True(violations.Count == 0, string.Join("\n", violations));

            await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#Org_CreditCode-error")).ToHaveTextAsync("此项为必填项");
            await BrowserFixture.Screenshot(page, name + "-errors");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_expert_sees_the_authenticator_key_and_QR_code_on_a_laptop_and_a_phone()
    {
        var build = new Build(browser.App);
        var expert = await build.Expert();
        foreach (var (w, h, name) in new[] { (1366, 768, "two-factor-laptop"), (375, 812, "two-factor-phone") })
        {
            var page = await browser.NewPage(w, h);
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("电子邮件").FillAsync(expert.Email);
            await page.GetByLabel("密码").FillAsync(expert.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            // An expert lands on its review queue; its account page offers the second factor.
            await page.WaitForURLAsync("**/Expert");
            await page.GotoAsync("/Account/Manage");
            await Assertions.Expect(page.Locator("[data-two-factor-offer]")).ToBeVisibleAsync();
            await page.GotoAsync("/Account/TwoFactor");
            if (await page.Locator("[data-two-factor-start]").CountAsync() > 0)
                await page.Locator("[data-two-factor-start]").ClickAsync();
            await Assertions.Expect(page.Locator("img.qr-code")).ToBeVisibleAsync();
            Assert.True(await page.Locator("img.qr-code").EvaluateAsync<bool>("img => img.naturalWidth > 100"));
            await BrowserFixture.Screenshot(page, name);
            Assert.Empty(browser.ConsoleErrors(page));
            await page.Context.CloseAsync();
        }
    }
}
