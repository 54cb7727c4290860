using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

/// <summary>The rankings page of the secretariat and the consensus page of the group leader, as plain HTML forms.</summary>
public class RankingPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static string Page(RankingScenario s) => $"/Secretariat/Rankings?year={s.World.Year}&category=OrganizationModel";

    [Fact]
    public async Task The_secretariat_sees_the_ranking_and_the_calibration_and_finalises_with_a_tick()
    {
        var s = await build.RankingScenario();
        var client = await app.SignedIn(await build.Secretariat());
        var html = await client.Html(Page(s));
        Assert.Contains(s.X.Title, html);
        Assert.Contains("85.0", html);
        Assert.Contains("ranking-candidate", html);
        Assert.Contains("标杆候选", html);
        Assert.Contains("某专家总分 50 与中位数 70 相差超过 15 分", html);
        Assert.Contains("评分未齐（2/3）", html);
        Assert.Contains("不予认定", html);

        var calibration = await client.Html(Page(s) + "&tab=calibration");
        Assert.Contains("专家丁", calibration);
        Assert.Contains("-6.25", calibration);

        var response = await client.PostForm(Page(s), new[] { new KeyValuePair<string, string>("Candidates", s.Y.Id.ToString()) },
            $"/Secretariat/Rankings?handler=Finalize&year={s.World.Year}&category=OrganizationModel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Stage.PanelReview, (await build.Reload(s.X.Id))!.Stage);
        Assert.Equal(Stage.PanelReview, (await build.Reload(s.Y.Id))!.Stage);
        Assert.Equal(Stage.Proposed, (await build.Reload(s.W.Id))!.Stage);
        Assert.Contains("已确定 3 项：2 项进入专家会审，1 项进入拟认定；1 项评分未齐。", await client.Html(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task An_expert_is_sent_away_from_the_rankings_page()
    {
        var s = await build.RankingScenario();
        var client = await app.SignedIn(s.World.Experts[0].User);
        var response = await client.GetAsync(Page(s));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_leader_records_the_consensus_on_the_page_and_a_member_is_refused()
    {
        var s = await build.RankingScenario();
        var path = $"/Expert/Consensus/{s.Y.Id}";
        var member = await app.SignedIn(s.World.Experts[1].User);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(path)).StatusCode);
        var stranger = await app.SignedIn(s.World.Experts[3].User);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);

        var leader = await app.SignedIn(s.World.Experts[0].User);
        var html = await leader.Html(path);
        Assert.Contains("合议分数", html);
        Assert.Contains("专家乙", html);
        var invalid = await leader.PostForm(path, new { Input_Score = "100.5", Input_Reason = "" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("合议分数应在 0 到 100 之间", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.Consensus.CountAsync(c => c.ApplicationId == s.Y.Id)));

        var saved = await leader.PostForm(path, new[]
        {
            new KeyValuePair<string, string>("Input.Score", "71.5"), new("Input.BlockPoints[3]", "20"), new("Input.BlockPoints[4]", ""),
            new("Input.Reason", "组内合议后取中间意见"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.WithDb(async (db, _) => await db.Consensus.SingleAsync(c => c.ApplicationId == s.Y.Id));
        Assert.Equal(71.5m, row.Score);
        Assert.Equal(new Dictionary<string, decimal> { ["3"] = 20m }, row.BlockPoints);
    }
}
