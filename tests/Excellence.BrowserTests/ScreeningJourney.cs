using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ScreeningJourney(BrowserFixture browser)
{
    private static async Task SignIn(IPage page, TestUser user, string returnUrl)
    {
        await page.GotoAsync("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        if (user.AuthenticatorKey is not null)
        {
            await page.WaitForURLAsync(url => url.Contains("/Account/SignInTwoFactor"));
            await page.Locator("#Code").FillAsync(Http.TotpCode(user.AuthenticatorKey));
            await page.Locator("#Code").PressAsync("Enter");
        }
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn"));
    }

    [Fact]
    public async Task The_secretariat_asks_for_a_supplement_the_applicant_answers_with_a_file_and_the_secretariat_passes_it()
    {
        browser.App.Clock.Set(AppFactory.DefaultNow);
        var build = new Build(browser.App);
        var org = await build.Organization();
        var a = await build.InScreening(org);
        var applicant = await build.Applicant(org);
        var secretariat = await build.Secretariat();

        var staff = await browser.NewPage(1366, 900);
        await SignIn(staff, secretariat, "/Secretariat/Screening");
        // The queue opens on the latest year; other journeys in this browser run create later years.
        await staff.GotoAsync($"/Secretariat/Screening?year={a.Year}");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync(a.ReceiptNumber!);
        await BrowserFixture.Screenshot(staff, "screening-queue");
        await staff.GotoAsync($"/Secretariat/Screening/{a.Id}");
        await staff.CheckAsync("#decision-RequestSupplement");
        await staff.FillAsync("#Items", "营业执照副本\n近两年质量提升活动证明");
        await staff.FillAsync("#DueDate", "2026-06-25");
        await staff.FillAsync("#Reason", "请于截止日前补齐。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存审查决定" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("第 1 轮补充");
        await BrowserFixture.Screenshot(staff, "screening-page");

        var owner = await browser.NewPage(1366, 900);
        await SignIn(owner, applicant, $"/Organization/Applications/{a.Id}");
        await owner.GotoAsync($"/Organization/Applications/{a.Id}");
        await Assertions.Expect(owner.Locator("#supplement-heading")).ToHaveTextAsync("请在 6月25日前补充材料");
        await owner.GetByRole(AriaRole.Link, new() { Name = "逐项答复" }).ClickAsync();
        var texts = owner.Locator("#supplement-form textarea");
        await texts.Nth(0).FillAsync("营业执照副本见附件。");
        await texts.Nth(1).FillAsync("2025年参加区质量提升行动。");
        await owner.Locator("#supplement-form input[type=file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = "营业执照.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        });
        await BrowserFixture.Screenshot(owner, "screening-supplement-answer");
        await owner.GetByRole(AriaRole.Button, new() { Name = "提交补充材料" }).ClickAsync();
        await owner.WaitForURLAsync(url => url.EndsWith($"/Organization/Applications/{a.Id}"));

        await staff.GotoAsync($"/Secretariat/Screening/{a.Id}");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("营业执照.pdf");
        foreach (var radio in await staff.Locator("input[type=radio][value=true]").AllAsync()) await radio.CheckAsync();
        await staff.CheckAsync("#decision-Pass");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存审查决定" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".stage-badge").First).ToHaveTextAsync("成果初审");
        Assert.Equal(Stage.PreliminaryReview, await browser.App.WithDb<Stage>(async (db, _) => await db.Applications.Where(x => x.Id == a.Id).Select(x => x.Stage).SingleAsync()));
    }
}
