using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

/// <summary>The expert's queue and score sheet, the rubric editor and the review progress with its reminders, as pages.</summary>
public class ReviewPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static readonly string[] CodesA =
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3"];

    private static List<KeyValuePair<string, string>> SheetFields(int version, string action, int? band, string strengths = "", string opportunities = "")
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Version", version.ToString()), new("Action", action) };
        for (var i = 0; i < CodesA.Length; i++)
        {
            fields.Add(new($"Input.Scores[{i}].Code", CodesA[i]));
            fields.Add(new($"Input.Scores[{i}].BandPercent", band?.ToString() ?? ""));
            fields.Add(new($"Input.Scores[{i}].Comment", ""));
        }
        fields.Add(new("Input.Strengths", strengths));
        fields.Add(new("Input.Opportunities", opportunities));
        fields.Add(new("Input.Veto", ""));
        fields.Add(new("Input.VetoNote", ""));
        return fields;
    }

    [Fact]
    public async Task An_expert_lands_on_its_queue_saves_a_draft_goes_to_the_next_sheet_and_submits()
    {
        var (user, expert) = await build.ReviewExpert();
        var first = await build.Assignment(await build.ApplicationInPreliminaryReview(), expert);
        var second = await build.Assignment(await build.ApplicationInPreliminaryReview(), expert);
        var client = app.NewClient();
        var signIn = await client.PostForm("/Account/SignIn", new { Input_Email = user.Email, Input_Password = user.Password });
        Assert.Equal("/Expert", signIn.Headers.Location!.OriginalString);

        var queue = await client.Html("/Expert");
        Assert.Contains($"/Expert/Reviews/{first.Id}", queue);
        Assert.Contains($"/Expert/Reviews/{second.Id}", queue);
        Assert.Contains("未开始", queue);

        var sheet = await client.Html($"/Expert/Reviews/{first.Id}");
        Assert.Contains("背景与必要性", sheet);
        Assert.Contains("无系统方法，仅有零散做法", sheet); // the band descriptors are at hand

        var next = await client.PostForm($"/Expert/Reviews/{first.Id}", SheetFields(0, "next", 60));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var target = next.Headers.Location!.OriginalString;
        Assert.True(target == $"/Expert/Reviews/{second.Id}", target);
        var draft = await app.WithDb<Review>(async (db, _) => await db.Reviews.AsNoTracking().FirstAsync(r => r.AssignmentId == first.Id));
        Assert.Equal((ReviewStatus.Draft, 60m), (draft.Status, draft.Total));

        // Submitting without feedback is refused on the page, with the reason next to the field.
        var refused = await client.PostForm($"/Expert/Reviews/{first.Id}", SheetFields(1, "submit", 60));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("此项为必填项", await refused.Content.ReadAsStringAsync());

        var submitted = await client.PostForm($"/Expert/Reviews/{first.Id}", SheetFields(1, "submit", 60, "体系完整", "对比数据不足"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = await app.WithDb<Review>(async (db, _) => await db.Reviews.AsNoTracking().FirstAsync(r => r.AssignmentId == first.Id));
        Assert.Equal((ReviewStatus.Submitted, "体系完整"), (after.Status, after.Strengths));
        var readOnly = await client.Html($"/Expert/Reviews/{first.Id}");
        Assert.DoesNotContain("value=\"submit\"", readOnly);
        Assert.Contains("已提交", await client.Html("/Expert"));
    }

    [Fact]
    public async Task An_expert_reads_its_assigned_application_but_not_others()
    {
        var (user, expert) = await build.ReviewExpert();
        var mine = await build.ApplicationInPreliminaryReview();
        var notMine = await build.ApplicationInPreliminaryReview();
        await build.Assignment(mine, expert);
        var client = await app.SignedIn(user);
        var page = await client.Html($"/Expert/Applications/{mine.Id}");
        Assert.Contains(mine.Title, page);
        Assert.DoesNotContain("138****8000", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Expert/Applications/{notMine.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_reminder_mails_each_expert_only_its_own_unfinished_sheets_and_is_audited()
    {
        var (_, a) = await build.ReviewExpert("提醒甲");
        var (_, b) = await build.ReviewExpert("提醒乙");
        var (_, c) = await build.ReviewExpert("提醒丙");
        var app1 = await build.ApplicationInPreliminaryReview();
        var app2 = await build.ApplicationInPreliminaryReview();
        var app3 = await build.ApplicationInPreliminaryReview();
        var app4 = await build.ApplicationInPreliminaryReview();
        await build.Review(await build.Assignment(app1, a), ReviewStatus.Draft);
        await build.Assignment(app2, a);
        await build.Review(await build.Assignment(app3, a));
        await build.Assignment(app4, b);
        await build.Review(await build.Assignment(app1, c));

        var secretariat = await app.SignedIn(await build.Secretariat());
        var progress = await secretariat.Html("/Secretariat/Reviews/Progress?year=2026");
        Assert.Contains("提醒甲", progress);
        Assert.Contains("1 / 2", progress); // app1: submitted by 丙, a draft of 甲

        var mailsBefore = Build.Mails(app).Count;
        var response = await secretariat.PostForm("/Secretariat/Reviews/Progress?year=2026", Array.Empty<KeyValuePair<string, string>>(),
            "/Secretariat/Reviews/Progress?handler=Remind&year=2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mails = Build.Mails(app).Skip(mailsBefore).ToList();
        var toA = Assert.Single(mails, m => m.To.Mailboxes.Any(x => x.Address == a.Email));
        Assert.Contains(app1.Title, toA.TextBody);
        Assert.Contains(app2.Title, toA.TextBody);
        Assert.DoesNotContain(app3.Title, toA.TextBody);
        Assert.DoesNotContain(app4.Title, toA.TextBody);
        Assert.Contains("2 份评分表", toA.Subject);
        var toB = Assert.Single(mails, m => m.To.Mailboxes.Any(x => x.Address == b.Email));
        Assert.Contains(app4.Title, toB.TextBody);
        Assert.DoesNotContain(app1.Title, toB.TextBody);
        Assert.DoesNotContain(mails, m => m.To.Mailboxes.Any(x => x.Address == c.Email));
        var audited = await app.WithDb<List<string>>(async (db, _) => await db.AuditEvents.Where(e => e.Action == "Review.ReminderSent")
            .Select(e => e.RecordId).ToListAsync());
        Assert.Contains(a.Id.ToString(), audited);
        Assert.Contains(b.Id.ToString(), audited);
        Assert.DoesNotContain(c.Id.ToString(), audited);
    }

    [Fact]
    public async Task The_rubric_page_refuses_a_sum_other_than_100_and_shows_a_frozen_rubric_read_only()
    {
        await build.OpenRound();
        var secretariat = await app.SignedIn(await build.Secretariat());
        var url = "/Secretariat/Rubrics?year=2026&category=SinglePractice";
        var page = await secretariat.Html(url);
        Assert.Contains("主要做法的系统性与科学性", page);
        Assert.Contains("合计 100 分", page);

        var fields = new List<KeyValuePair<string, string>> { new("Input.Version", "0") };
        var codes = DefaultRubrics.Create(Guid.Empty, 2026, Category.SinglePractice).Criteria;
        for (var i = 0; i < codes.Count; i++)
        {
            var c = codes[i];
            fields.AddRange([new($"Input.Criteria[{i}].Order", (i + 1).ToString()), new($"Input.Criteria[{i}].Block", c.Block),
                new($"Input.Criteria[{i}].BlockName", c.BlockName), new($"Input.Criteria[{i}].Code", c.Code), new($"Input.Criteria[{i}].Name", c.Name),
                new($"Input.Criteria[{i}].MaxPoints", (i == 0 ? c.MaxPoints + 2 : c.MaxPoints).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new($"Input.Criteria[{i}].Kind", c.Kind.ToString())]);
        }
        foreach (var (k, v) in new[] { ("ExpertsPerApplication", "3"), ("TrimFrom", "5"), ("DivergencePoints", "15"), ("DivergenceBlockPercent", "30"),
                     ("BenchmarkMin", "85"), ("ExcellentMin", "75"), ("AdvancingMin", "60"), ("BenchmarkBlockGatePercent", "70"), ("AffiliationYears", "3") })
            fields.Add(new("Input." + k, v));
        var refused = await secretariat.PostForm(url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("各评分项分值合计应为 100 分，当前为 102 分", await refused.Content.ReadAsStringAsync());

        fields[0 + 1 + 5] = new("Input.Criteria[0].MaxPoints", "6"); // 8 → 6, and 2.1 gets 14
        var i21 = codes.FindIndex(c => c.Code == "2.1");
        var at = fields.FindIndex(f => f.Key == $"Input.Criteria[{i21}].MaxPoints");
        fields[at] = new(fields[at].Key, "14");
        var saved = await secretariat.PostForm(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDb<Rubric>(async (db, _) => await db.Rubrics.AsNoTracking().Include(r => r.Criteria)
            .FirstAsync(r => r.Year == 2026 && r.Category == Category.SinglePractice));
        Assert.Equal((6m, 14m, 1), (stored.Criteria.Single(c => c.Code == "1.1").MaxPoints, stored.Criteria.Single(c => c.Code == "2.1").MaxPoints, stored.Version));

        // A first score freezes it: the page says so, offers no save, and a post is refused without change.
        var (_, expert) = await build.ReviewExpert();
        await build.Review(await build.Assignment(await build.ApplicationInPreliminaryReview(Category.SinglePractice), expert), ReviewStatus.Draft);
        var frozen = await secretariat.Html(url);
        Assert.Contains("已于", frozen);
        Assert.DoesNotContain("保存评分标准", frozen);
        fields[0] = new("Input.Version", "1");
        var late = await secretariat.PostForm("/Secretariat/Rubrics?year=2026&category=OrganizationModel", fields, url);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("评分标准已锁定", await late.Content.ReadAsStringAsync());
        var unchanged = await app.WithDb<decimal>(async (db, _) => await db.Criteria.Where(c => c.RubricId == stored.Id && c.Code == "1.1").Select(c => c.MaxPoints).FirstAsync());
        Assert.Equal(6m, unchanged);
    }
}
