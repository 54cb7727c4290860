using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class ApplicationJourney(BrowserFixture browser)
{
    private static async Task SignIn(IPage page, TestUser user, string returnUrl)
    {
        await page.GotoAsync("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", user.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn"));
    }

    [Fact]
    public async Task An_applicant_fills_a_whole_application_keeps_its_text_across_a_closed_tab_submits_and_the_recommender_recommends_it()
    {
        browser.App.Clock.Set(AppFactory.DefaultNow);
        var build = new Build(browser.App);
        await build.OpenRound();
        var unit = await build.Recommender(name: "浏览器测试推荐单位" + Guid.NewGuid().ToString("N")[..4]);
        var org = await build.Organization();
        var applicant = await build.Applicant(org);

        var page = await browser.NewPage(1366, 900);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await SignIn(page, applicant, "/Organization/Applications");
        await page.GotoAsync("/Organization/Applications?category=OrganizationModel");
        await Assertions.Expect(page.Locator("#Category")).ToHaveValueAsync("OrganizationModel");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填写" }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Organization/Applications/[0-9a-f-]{36}$"));
        var formUrl = page.Url;

        await page.SelectOptionAsync("#Input_RecommenderId", new SelectOptionValue { Label = unit.Name });
        await page.FillAsync("input[name='Input.QualityActivities[0].Name']", "QC小组活动");
        await page.FillAsync("input[name='Input.QualityActivities[0].Result']", "全国优秀质量管理小组");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加一行" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#activity-rows tr")).ToHaveCountAsync(3);
        await page.FillAsync("input[name='Input.Awards[0].Name']", "上海市质量管理小组活动优秀成果");
        await page.FillAsync("input[name='Input.Awards[0].Date']", "2025-05-01");
        await page.FillAsync("input[name='Input.Awards[0].AwardingBody']", "上海市质量协会");
        await page.FillAsync("#Input_Report_Title", "精密制造数字化质量管控模式");
        await page.FillAsync("#Input_Report_Overview", "公司专注于高端装备精密零部件。");
        await page.FillAsync("#Input_Report_Content", "我们采用PDCA循环，ISO 9001认证，2023年营收增长12.5%。");
        await Assertions.Expect(page.Locator("#Input_Report_Content-count .wc-text")).ToHaveTextAsync("已输入 21 / 8000 字");
        await Assertions.Expect(page.Locator("#Input_Report_Title-count .wc-text")).ToHaveTextAsync("已输入 13 / 30 字");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("已保存 10:00:00");

        // Typed and the tab closed before any save: the local copy brings it back.
        await page.FillAsync("#Input_Report_Effectiveness", "客户投诉下降六成。");
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
        page = await page.Context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, msg) => { if (msg.Type == "error") errors.Add(msg.Text); };
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(formUrl);
        await Assertions.Expect(page.Locator("#Input_Report_Effectiveness")).ToHaveValueAsync("客户投诉下降六成。");
        await Assertions.Expect(page.Locator("#Input_Report_Content")).ToHaveValueAsync("我们采用PDCA循环，ISO 9001认证，2023年营收增长12.5%。");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("已保存");

        for (var i = 1; i <= 5; i++) await page.CheckAsync($"#elig-{i}-yes");
        await page.FillAsync("#Input_OwnUnitOpinion", "同意推荐。");
        await page.Locator("#Input_OwnUnitOpinion").BlurAsync();
        await Assertions.Expect(page.Locator("#checklist-done")).ToBeVisibleAsync();
        await page.SetInputFilesAsync("#evidence-file", new FilePayload
        {
            Name = "证明材料.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#evidence table")).ToContainTextAsync("证明材料.pdf");
        await Assertions.Expect(page.Locator("#checklist-done")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "application-form");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("申报已提交，受理编号 2026-OM-");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("等待推荐单位审核");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("证明材料.pdf");
        await BrowserFixture.Screenshot(page, "application-submitted");
        // The print links hand over real documents as downloads, not pages.
        foreach (var (id, extension, magic) in new[] { ("#form-pdf", ".pdf", "%PDF"), ("#paper-pdf", ".pdf", "%PDF"), ("#form-docx", ".docx", "PK") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(id).ClickAsync());
            Assert.EndsWith(extension, download.SuggestedFilename);
            var path = await download.PathAsync();
            var head = new byte[4];
            await using (var file = File.OpenRead(path)) Assert.Equal(magic.Length, await file.ReadAsync(head.AsMemory(0, magic.Length)));
            Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(head, 0, magic.Length));
            Assert.True(new FileInfo(path).Length > 2000, $"{id} gave only {new FileInfo(path).Length} bytes");
        }
        await page.Context.CloseAsync();

        var recommender = await browser.NewPage(1366, 900);
        var failed = new List<string>();
        recommender.Response += (_, r) => { if (r.Status >= 400) failed.Add(r.Status + " " + r.Url); };
        await SignIn(recommender, await build.RecommenderUser(unit), "/Recommender/Applications");
        await recommender.GotoAsync("/Recommender/Applications");
        await recommender.GetByRole(AriaRole.Link, new() { Name = "精密制造数字化质量管控模式" }).ClickAsync();
        await recommender.CheckAsync("#dec-recommend");
        await recommender.FillAsync("#Opinion", "该成果实践性强，同意推荐。");
        await BrowserFixture.Screenshot(recommender, "application-recommender");
        await recommender.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();
        await Assertions.Expect(recommender.Locator(".alert-success")).ToContainTextAsync("已推荐");
        Assert.True(browser.ConsoleErrors(recommender).Count == 0, string.Join("\n", browser.ConsoleErrors(recommender).Concat(failed)));
        await recommender.Context.CloseAsync();

        var stage = await browser.App.WithDb<Stage>(async (db, _) =>
            await db.Applications.Where(a => a.OrganizationId == org.Id).Select(a => a.Stage).SingleAsync());
        Assert.Equal(Stage.Screening, stage);
    }
}
