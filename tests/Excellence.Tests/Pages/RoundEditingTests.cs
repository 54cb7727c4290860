using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class RoundEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    /// <summary>A complete, valid form for a new year: applications 1 March – 30 April, deadline 30 April 17:00.</summary>
    public static List<KeyValuePair<string, string>> Form(int year, Action<Dictionary<string, string>>? change = null)
    {
        var f = new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(), ["Input.Title"] = $"{year}年度卓越管理创新成果评价", ["Input.TitleEn"] = $"{year} evaluation",
            ["Input.NoticeNumber"] = $"沪质协〔{year}〕7号", ["Input.NoticeText"] = "第一段。\n\n第二段。",
            ["DeadlineDate"] = $"{year}-04-30", ["DeadlineTime"] = "17:00",
            ["Input.Timeline[0].Kind"] = "Launch", ["Input.Timeline[0].Name"] = "启动", ["Input.Timeline[0].StartsOn"] = $"{year}-03-01", ["Input.Timeline[0].EndsOn"] = $"{year}-03-01",
            ["Input.Timeline[1].Kind"] = "Application", ["Input.Timeline[1].Name"] = "申报", ["Input.Timeline[1].NameEn"] = "Applications",
            ["Input.Timeline[1].StartsOn"] = $"{year}-03-01", ["Input.Timeline[1].EndsOn"] = $"{year}-04-30",
            ["Input.EvidenceLimits.FileMb"] = "20", ["Input.EvidenceLimits.TotalMb"] = "100",
            ["Input.Contact.Department"] = "会员与质量推进部", ["Input.Contact.Person"] = "张老师", ["Input.Contact.Phone"] = "021-62524131",
            ["Input.Contact.Email"] = "contact@test.local",
        };
        var categories = Enum.GetValues<Category>();
        for (var i = 0; i < categories.Length; i++)
        {
            f[$"Input.Categories[{i}].Category"] = categories[i].ToString();
            f[$"Input.Categories[{i}].Enabled"] = "true";
            f[$"Input.Categories[{i}].TitleLimit"] = "30";
            f[$"Input.Categories[{i}].OverviewLimit"] = "2000";
            f[$"Input.Categories[{i}].ContentLimit"] = categories[i] == Category.IndividualExperience ? "5000" : "8000";
            f[$"Input.Categories[{i}].EffectivenessLimit"] = "3000";
            f[$"Input.Categories[{i}].MaxPerOrganization"] = "";
        }
        change?.Invoke(f);
        return f.ToList();
    }

    private Task<int> RoundsOf(int year) => app.WithDb((db, _) => db.Rounds.CountAsync(r => r.Year == year));

    [Fact]
    public async Task The_secretariat_creates_a_year_with_its_timeline_categories_and_a_Shanghai_deadline()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var response = await client.PostForm("/Secretariat/Rounds/Edit", Form(2031, f => f["Input.Categories[2].MaxPerOrganization"] = "1"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Secretariat/Rounds", response.Headers.Location!.OriginalString);

        var round = await app.WithDb((db, _) => db.Rounds.Include(r => r.Phases).Include(r => r.Categories).SingleAsync(r => r.Year == 2031));
        Assert.Equal("沪质协〔2031〕7号", round.NoticeNumber);
        Assert.Equal(new DateTime(2031, 4, 30, 9, 0, 0, DateTimeKind.Utc), round.SubmissionDeadline);
        Assert.Equal([PhaseKind.Launch, PhaseKind.Application], round.Phases.OrderBy(p => p.Order).Select(p => p.Kind));
        Assert.Equal(3, round.Categories.Count);
        Assert.Equal(1, round.Categories.Single(c => c.Category == Category.IndividualExperience).MaxPerOrganization);
        Assert.Null(round.Categories.Single(c => c.Category == Category.OrganizationModel).MaxPerOrganization);
        Assert.Equal(20L * 1024 * 1024, round.EvidenceFileLimitBytes);
        Assert.Equal(1, round.Version);
        var audit = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordType == "Round" && e.RecordId == round.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Round.Created"], audit);

        var list = await client.Html("/Secretariat/Rounds");
        Assert.Contains("2031年度卓越管理创新成果评价", list);
        Assert.Contains("2031年4月30日 17:00", list);
    }

    [Fact]
    public async Task Invalid_years_are_refused_with_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var response = await client.PostForm("/Secretariat/Rounds/Edit", Form(2032, f =>
        {
            f["Input.Timeline[0].EndsOn"] = "2032-02-01";
            f["Input.Timeline[0].Kind"] = "Application";
            f["Input.Categories[0].ContentLimit"] = "0";
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_Timeline[0]_EndsOn-error\">结束日期不能早于开始日期", html);
        Assert.Contains("活动安排中须有且仅有一个“申报”阶段（当前 2 个）", html);
        Assert.Contains("id=\"Input_Categories[0]_ContentLimit-error\">应为正整数", html);
        Assert.Contains("value=\"沪质协〔2032〕7号\"", html);
        Assert.Equal(0, await RoundsOf(2032));

        var untitled = await client.PostForm("/Secretariat/Rounds/Edit", Form(2032, f => f["Input.Title"] = " "));
        Assert.Contains("id=\"Input_Title-error\">此项为必填项", await untitled.Content.ReadAsStringAsync());
        Assert.Equal(0, await RoundsOf(2032));
    }

    [Fact]
    public async Task A_deadline_before_the_application_phase_and_a_taken_or_impossible_year_are_refused()
    {
        await build.Round(2033);
        var client = await app.SignedIn(await build.Secretariat());
        var taken = await client.PostForm("/Secretariat/Rounds/Edit", Form(2033));
        Assert.Contains("2033 年度活动已存在", await taken.Content.ReadAsStringAsync());
        Assert.Equal(1, await RoundsOf(2033));

        var early = await client.PostForm("/Secretariat/Rounds/Edit", Form(2034, f => f["DeadlineDate"] = "2034-02-28"));
        Assert.Contains("申报截止时间不能早于申报阶段的开始日期", await early.Content.ReadAsStringAsync());
        Assert.Equal(0, await RoundsOf(2034));

        var impossible = await client.PostForm("/Secretariat/Rounds/Edit", Form(1999));
        Assert.Contains("应在 2000 到 2100 之间", await impossible.Content.ReadAsStringAsync());
        Assert.Equal(0, await RoundsOf(1999));
    }

    [Fact]
    public async Task Editing_a_year_changes_it_bumps_its_version_and_is_audited()
    {
        var round = await build.Round(2035);
        var client = await app.SignedIn(await build.Secretariat());
        var form = await client.Html("/Secretariat/Rounds/Edit/2035");
        Assert.Contains("value=\"沪质协〔2035〕42号\"", form);
        Assert.Contains("value=\"2035-08-23\"", form);
        Assert.Contains("value=\"15:00\"", form);

        var response = await client.PostForm("/Secretariat/Rounds/Edit/2035", Form(2035, f =>
        {
            f["Version"] = round.Version.ToString();
            f["Input.Title"] = "改过的名称";
            f["Input.Reason"] = "更正名称";
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await app.WithDb((db, _) => db.Rounds.Include(r => r.Phases).SingleAsync(r => r.Year == 2035));
        Assert.Equal("改过的名称", saved.Title);
        Assert.Equal(round.Version + 1, saved.Version);
        Assert.Equal(2, saved.Phases.Count);
        var audit = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordId == round.Id.ToString() && e.Action == "Round.Edited")
            .Select(e => e.Reason).ToListAsync());
        Assert.Equal(["更正名称", "更正名称"], audit);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_the_input_kept_and_nothing_changed()
    {
        var round = await build.Round(2036);
        var client = await app.SignedIn(await build.Secretariat());
        var response = await client.PostForm("/Secretariat/Rounds/Edit/2036", Form(2036, f =>
        {
            f["Version"] = (round.Version - 1).ToString();
            f["Input.Title"] = "迟到的修改";
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("该记录已被他人修改，请刷新后重试", html);
        Assert.Contains("value=\"迟到的修改\"", html);
        Assert.Equal("2036年卓越管理创新成果评价", await app.WithDb((db, _) => db.Rounds.Where(r => r.Year == 2036).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task After_the_deadline_a_change_needs_a_reason()
    {
        var round = await build.Round(2025);
        var client = await app.SignedIn(await build.Secretariat());
        Assert.Contains("本年度申报已截止", await client.Html("/Secretariat/Rounds/Edit/2025"));
        var refused = await client.PostForm("/Secretariat/Rounds/Edit/2025", Form(2025, f =>
        {
            f["Version"] = round.Version.ToString();
            f["DeadlineDate"] = "2025-04-30";
            f["Input.Title"] = "未说明原因";
        }));
        Assert.Contains("id=\"Input_Reason-error\">本年度申报已截止，修改须填写原因", await refused.Content.ReadAsStringAsync());
        Assert.Equal(round.Title, await app.WithDb((db, _) => db.Rounds.Where(r => r.Year == 2025).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task Rows_are_added_and_removed_without_saving()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var added = await client.PostForm("/Secretariat/Rounds/Edit", Form(2037), "/Secretariat/Rounds/Edit?handler=AddPhase");
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Timeline[2].Name\"", html);
        var removed = await client.PostForm("/Secretariat/Rounds/Edit", Form(2037), "/Secretariat/Rounds/Edit?handler=RemovePhase&index=0");
        html = await removed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Input.Timeline[1].Name\"", html);
        Assert.Contains("value=\"申报\"", html);
        Assert.Equal(0, await RoundsOf(2037));
    }
}
