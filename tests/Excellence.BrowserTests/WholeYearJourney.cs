using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Excellence.BrowserTests;

/// <summary>
/// The whole year in Chromium, through the pages: submission, screening, automatic assignment, three score sheets, the
/// ranking, approval, the public notice with an objection read and filed on a phone, publication, certificate and verification.
/// The builders make what is not the point (accounts, a complete draft, the pool, the meeting); the clock moves the year on.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class WholeYearJourney(BrowserFixture browser)
{
    private const int Year = 2061;
    private static DateTimeOffset Shanghai(int month, int day, int hour) => new(Year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task<IPage> SignedIn(TestUser user, string path, int width = 1366)
    {
        var page = await browser.NewPage(width, 900);
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GotoAsync("/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(path));
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
        await page.GotoAsync(path);
        return page;
    }

    private async Task<Stage> StageOf(Guid id) =>
        await browser.App.WithDb<Stage>(async (db, _) => await db.Applications.Where(a => a.Id == id).Select(a => a.Stage).SingleAsync());

    private static async Task NoAxeViolations(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, page.Url + "\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task One_application_goes_from_submission_to_a_verified_certificate()
    {
        var clock = browser.App.Clock;
        clock.Set(Shanghai(6, 18, 10));
        try
        {
            var build = new Build(browser.App);
            var round = await build.OpenRound(Year);
            await build.Rubric(Year, Category.OrganizationModel);
            var org = await build.Organization(o => o.Name = "上海全程精密制造有限公司");
            var draft = await build.Application(org, customise: a => { a.RoundId = round.Id; a.Year = Year; a.Title = "全链条数字化质量管控模式"; a.ConsentToPublish = true; });
            var applicant = await build.Applicant(org);
            var secretariat = await build.Secretariat();
            var experts = new List<TestUser>();
            for (var i = 0; i < 3; i++) experts.Add((await build.ExpertWithAccount(e => e.Name = $"全程专家{i + 1}")).User);
            var approver = await build.Approver();
            // Only this story's three experts are available this year (the shared fixture's pool holds other tests' experts).
            await browser.App.WithDb(async db =>
            {
                var mine = experts.Select(e => e.Email).ToList();
                var others = await db.Experts.Where(e => !mine.Contains(e.Email)).Select(e => e.Id).ToListAsync();
                db.ExpertAvailability.AddRange(others.Select(id => new ExpertAvailability { ExpertId = id, Year = Year, Available = false, Note = "journey" }));
                await db.SaveChangesAsync();
            });

            // 1. The applicant submits its complete draft.
            var owner = await SignedIn(applicant, $"/Organization/Applications/{draft.Id}");
            await BrowserFixture.Screenshot(owner, "year-01-draft");
            await owner.Locator("button[formaction*='handler=Submit']").ClickAsync();
            await Assertions.Expect(owner.Locator(".stage-badge").First).ToHaveTextAsync("条件审查");
            Assert.Equal(Stage.Screening, await StageOf(draft.Id));

            // 2. The secretariat passes screening.
            var staff = await SignedIn(secretariat, $"/Secretariat/Screening/{draft.Id}");
            foreach (var radio in await staff.Locator("input[type=radio][value=true]").AllAsync()) await radio.CheckAsync();
            await staff.CheckAsync("#decision-Pass");
            await staff.GetByRole(AriaRole.Button, new() { Name = "保存审查决定" }).ClickAsync();
            await Assertions.Expect(staff.Locator(".stage-badge").First).ToHaveTextAsync("成果初审");

            // 3. Automatic assignment of three experts.
            await staff.GotoAsync($"/Secretariat/Assignments?year={Year}&category=OrganizationModel");
            await staff.FillAsync("#PerApplication", "3");
            await staff.FillAsync("#Seed", "2061");
            await staff.GetByRole(AriaRole.Button, new() { Name = "执行自动分配" }).ClickAsync();
            await Assertions.Expect(staff.Locator(".alert-success")).ToBeVisibleAsync();
            await BrowserFixture.Screenshot(staff, "year-02-assignments");
            var assignments = await build.AssignmentsOf(draft.Id);
            Assert.Equal(3, assignments.Count);

            // 4. Each expert scores every criterion and submits.
            clock.Set(Shanghai(9, 10, 10));
            foreach (var (expert, n) in experts.Select((e, n) => (e, n)))
            {
                var assignment = await browser.App.WithDb((db, _) => db.Assignments.AsNoTracking()
                    .SingleAsync(a => a.ApplicationId == draft.Id && db.Experts.Any(e => e.Id == a.ExpertId && e.Email == expert.Email)));
                var sheet = await SignedIn(expert, $"/Expert/Reviews/{assignment.Id}");
                var selects = sheet.Locator("select.band-select");
                for (var i = 0; i < await selects.CountAsync(); i++) await selects.Nth(i).SelectOptionAsync(n == 0 && i == 0 ? "100" : "75");
                await sheet.Locator("#Input_Strengths").FillAsync("数字化质量管控覆盖全链条，数据翔实。");
                await sheet.Locator("#Input_Opportunities").FillAsync("与行业标杆的对比可进一步加强。");
                if (n == 0) await BrowserFixture.Screenshot(sheet, "year-03-score-sheet");
                await sheet.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
                await Assertions.Expect(sheet.Locator(".review-status").First).ToHaveTextAsync("已提交");
                await sheet.Context.CloseAsync();
            }

            // 5. The secretariat reads the ranking and finalises the preliminary review.
            // Months later the sign-in cookie has expired (as in real life): staff sign in again after each move of the clock.
            await staff.Context.CloseAsync();
            staff = await SignedIn(secretariat, $"/Secretariat/Rankings?year={Year}&category=OrganizationModel");
            await BrowserFixture.Screenshot(staff, "year-04-ranking");
            await Assertions.Expect(staff.Locator(".ranking-table tbody tr")).ToHaveCountAsync(1);
            await NoAxeViolations(staff);
            var candidate = await staff.Locator("tr.ranking-candidate").CountAsync() == 1;
            // Not ticked as a benchmark candidate (列为标杆候选): an Excellent proposal goes straight to 拟认定.
            await staff.GetByRole(AriaRole.Button, new() { Name = "确定初审结果" }).ClickAsync();
            await staff.WaitForLoadStateAsync();
            var afterRanking = await StageOf(draft.Id);
            Assert.True(candidate ? afterRanking == Stage.PanelReview : afterRanking == Stage.Proposed, $"{candidate} {afterRanking}");
            if (candidate)
            {
                await staff.GotoAsync("/Secretariat/Panels");
                await BrowserFixture.Screenshot(staff, "year-05-panels");
                Assert.Fail("benchmark candidate: the panel desk step is not scripted (scores are chosen to avoid it)");
            }

            // 6. The approver approves; the secretariat closes the meeting and counts.
            var meeting = await build.ApprovalMeeting(round, [approver]);
            var approving = await SignedIn(approver, "/Approver");
            await approving.GetByText(meeting.Title).ClickAsync();
            await approving.GetByRole(AriaRole.Button, new() { Name = "提交表决" }).ClickAsync();
            await Assertions.Expect(approving.Locator(".alert-success")).ToContainTextAsync("已记录 1 项表决");
            await approving.Context.CloseAsync();
            await staff.GotoAsync($"/Secretariat/Approval/{meeting.Id}");
            await staff.GetByRole(AriaRole.Button, new() { Name = "结束会议并计票" }).ClickAsync();
            await staff.WaitForLoadStateAsync();
            Assert.Equal(Stage.Approved, await StageOf(draft.Id));

            // 7. The notice is published from today.
            clock.Set(Shanghai(11, 2, 9));
            await staff.Context.CloseAsync();
            staff = await SignedIn(secretariat, "/Secretariat/Notices");
            await staff.FillAsync("#Input_Year", Year.ToString());
            await staff.FillAsync("#Input_StartDate", $"{Year}-11-02");
            await staff.FillAsync("#Input_Contact", "上海市质量协会 021-62524131");
            await staff.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
            await Assertions.Expect(staff.Locator("#notice-published")).ToBeVisibleAsync();
            var noticeId = await browser.App.WithDb((db, _) => db.PublicNotices.Where(n => n.Year == Year).Select(n => n.Id).SingleAsync());

            // 8. A visitor on a phone reads it and files a real-name objection.
            var phone = await browser.NewPage(375, 812);
            await phone.GotoAsync($"/notices/{noticeId}");
            await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("全链条数字化质量管控模式");
            await BrowserFixture.Screenshot(phone, "year-06-notice-phone");
            await NoAxeViolations(phone);
            await phone.GotoAsync($"/notices/{noticeId}/object");
            await phone.SelectOptionAsync("#Input_ApplicationId", draft.Id.ToString());
            await phone.FillAsync("#Input_Name", "赵实名");
            await phone.CheckAsync("#kind-mobile");
            await phone.FillAsync("#Input_Identity", "13912345678");
            await phone.FillAsync("#Input_Contact", "13912345678");
            await phone.FillAsync("#Input_Grounds", "该成果申报材料中的经营数据与实际情况不符，请核查。");
            await BrowserFixture.Screenshot(phone, "year-07-objection-phone");
            await NoAxeViolations(phone);
            clock.Advance(TimeSpan.FromMinutes(2));
            await phone.Locator("#submit-objection").ClickAsync();
            await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("受理编号");
            await BrowserFixture.Screenshot(phone, "year-08-objection-receipt");
            await phone.Context.CloseAsync();

            // 9. After the notice period, publication waits for the objection's decision; the secretariat dismisses it.
            clock.Set(Shanghai(11, 12, 9));
            await staff.Context.CloseAsync();
            staff = await SignedIn(secretariat, $"/Secretariat/Results?year={Year}");
            await staff.GetByRole(AriaRole.Button, new() { Name = "发布本年度结果并颁发证书" }).ClickAsync();
            await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("尚有 1 项异议未作处理结论");
            Assert.Equal(Stage.PublicNotice, await StageOf(draft.Id));
            var objectionId = await browser.App.WithDb((db, _) => db.Objections.Where(o => o.ApplicationId == draft.Id).Select(o => o.Id).SingleAsync());
            await staff.GotoAsync($"/Secretariat/Objections/{objectionId}");
            await staff.CheckAsync("#verdict-Dismissed");
            await staff.FillAsync("#Input_Findings", "经核查，经营数据与审计报告一致。");
            await staff.FillAsync("#Input_Explanation", "经核查，异议所述情况不属实，异议不成立。");
            await staff.FillAsync("#Input_PhoneNote", "11月12日电话告知赵先生处理结论，对方无异议。");
            await staff.GetByRole(AriaRole.Button, new() { Name = "保存处理结论并答复" }).ClickAsync();
            await Assertions.Expect(staff.Locator("#objection-status")).ToHaveTextAsync("异议不成立");
            await BrowserFixture.Screenshot(staff, "year-09-objection-dismissed");
            Assert.Equal(Excellence.Web.Domain.Notices.ObjectionStatus.Dismissed,
                await browser.App.WithDb((db, _) => db.Objections.Where(o => o.Id == objectionId).Select(o => o.Status).SingleAsync()));

            // 10. The secretariat publishes; the public list and the verification agree.
            await staff.GotoAsync($"/Secretariat/Results?year={Year}");
            await staff.GetByRole(AriaRole.Button, new() { Name = "发布本年度结果并颁发证书" }).ClickAsync();
            await staff.WaitForLoadStateAsync();
            Assert.Equal(Stage.Published, await StageOf(draft.Id));
            await BrowserFixture.Screenshot(staff, "year-10-results-published");

            var visitor = await browser.NewPage(375, 812);
            await visitor.GotoAsync($"/results?year={Year}");
            await Assertions.Expect(visitor.Locator(".result-card")).ToHaveCountAsync(1);
            await Assertions.Expect(visitor.Locator(".result-card")).ToContainTextAsync("上海全程精密制造有限公司");
            await BrowserFixture.Screenshot(visitor, "year-11-results-phone");
            await NoAxeViolations(visitor);

            await owner.Context.CloseAsync();
            owner = await SignedIn(applicant, $"/Organization/Applications/{draft.Id}/Result");
            await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("全链条数字化质量管控模式");
            await BrowserFixture.Screenshot(owner, "year-12-applicant-result");
            var code = await browser.App.WithDb((db, _) => db.Certificates.Where(c => c.ApplicationId == draft.Id).Select(c => c.Code).SingleAsync());
            await visitor.GotoAsync($"/verify/{code}");
            await Assertions.Expect(visitor.Locator(".verify-status")).ToContainTextAsync("真实有效");
            await BrowserFixture.Screenshot(visitor, "year-13-verify-phone");
            await NoAxeViolations(visitor);
            foreach (var p in new[] { owner, staff, visitor })
            {
                var errors = browser.ConsoleErrors(p).Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)).ToList();
                Assert.True(errors.Count == 0, p.Url + "\n" + string.Join("\n", errors));
            }
        }
        finally { clock.Set(AppFactory.DefaultNow); }
    }
}
