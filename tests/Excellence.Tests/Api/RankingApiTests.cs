using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Excellence.Tests.Api;

/// <summary>
/// Rankings, calibration, finalising the preliminary review, the consensus and the score export through /api/v1.
/// The small world: X scored 95/90/85/80/75 by five experts (trimmed → 85.0, gates met → benchmark candidate),
/// Y 90/50/70 (divergent, 70.0 → Advancing), Z 60/60 with a third sheet still a draft, W 80/80/80 with a veto.
/// </summary>
public class RankingApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static string Rankings(RankingWorld world) => $"/api/v1/rounds/{world.Year}/rankings?category=OrganizationModel";

    private static JsonElement Item(JsonElement page, Guid id) => page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    private static decimal[] Blocks(JsonElement item) => item.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("points").GetDecimal()).ToArray();

    [Fact]
    public async Task The_ranking_of_a_small_world_has_the_exact_scores_blocks_flags_and_levels()
    {
        var s = await build.RankingScenario();
        var client = await app.ApiClient(await build.Secretariat());
        var response = await client.GetAsync(Rankings(s.World));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Json();
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(new[] { s.X.Id, s.W.Id, s.Y.Id, s.Z.Id }, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        var x = Item(page, s.X.Id);
        Assert.Equal(1, x.GetProperty("rank").GetInt32());
        Assert.Equal(85.0m, x.GetProperty("score").GetDecimal());
        Assert.Equal(5, x.GetProperty("experts").GetInt32());
        Assert.True(x.GetProperty("complete").GetBoolean());
        Assert.Equal(new[] { 17.0m, 29.8m, 25.5m, 12.8m }, Blocks(x));
        Assert.Equal(85.3m, x.GetProperty("blocks")[3].GetProperty("percent").GetDecimal());
        Assert.False(x.GetProperty("divergent").GetBoolean());
        Assert.Equal("Excellent", x.GetProperty("proposedLevel").GetString());
        Assert.True(x.GetProperty("benchmarkCandidate").GetBoolean());

        var w = Item(page, s.W.Id);
        Assert.Equal(80.0m, w.GetProperty("score").GetDecimal());
        Assert.True(w.GetProperty("veto").GetBoolean());
        Assert.Equal(JsonValueKind.Null, w.GetProperty("proposedLevel").ValueKind);
        Assert.False(w.GetProperty("benchmarkCandidate").GetBoolean());

        var y = Item(page, s.Y.Id);
        Assert.Equal(70.0m, y.GetProperty("score").GetDecimal());
        Assert.Equal("Advancing", y.GetProperty("proposedLevel").GetString());
        Assert.True(y.GetProperty("divergent").GetBoolean());
        var flags = y.GetProperty("flags").EnumerateArray().ToList();
        Assert.Equal(2, flags.Count(f => f.GetProperty("kind").GetString() == "TotalFarFromMedian"));
        Assert.Equal(new[] { "1", "2", "3", "4" }, flags.Where(f => f.GetProperty("kind").GetString() == "BlockRange").Select(f => f.GetProperty("block").GetString()));
        Assert.Contains("某专家总分 90 与中位数 70 相差超过 15 分", flags.Select(f => f.GetProperty("message").GetString()));

        var z = Item(page, s.Z.Id);
        Assert.Equal(60.0m, z.GetProperty("score").GetDecimal());
        Assert.Equal(2, z.GetProperty("experts").GetInt32());
        Assert.Equal(3, z.GetProperty("assigned").GetInt32());
        Assert.False(z.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Finalising_keeps_scores_and_levels_and_moves_candidates_to_the_panel_and_the_rest_to_proposed()
    {
        var s = await build.RankingScenario();
        var client = await app.ApiClient(await build.Secretariat());
        var response = await client.PostAsJsonAsync($"/api/v1/rounds/{s.World.Year}/rankings/finalize", new { category = "OrganizationModel" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(3, body.GetProperty("finalized").GetInt32());
        Assert.Equal(1, body.GetProperty("toPanelReview").GetInt32());
        Assert.Equal(2, body.GetProperty("proposed").GetInt32());
        Assert.Equal(1, body.GetProperty("pending").GetInt32());

        var x = (await build.Reload(s.X.Id))!;
        Assert.Equal((Stage.PanelReview, 85.0m, Level.Excellent, true), (x.Stage, x.PreliminaryScore, x.ProposedLevel, x.IsBenchmarkCandidate));
        var y = (await build.Reload(s.Y.Id))!;
        Assert.Equal((Stage.Proposed, 70.0m, Level.Advancing, false), (y.Stage, y.PreliminaryScore, y.ProposedLevel, y.IsBenchmarkCandidate));
        var w = (await build.Reload(s.W.Id))!;
        Assert.Equal((Stage.Proposed, 80.0m, (Level?)null, false), (w.Stage, w.PreliminaryScore, w.ProposedLevel, w.IsBenchmarkCandidate));
        var z = (await build.Reload(s.Z.Id))!;
        Assert.Equal((Stage.PreliminaryReview, (decimal?)null, false), (z.Stage, z.PreliminaryScore, z.IsBenchmarkCandidate));

        var ids = new[] { s.X.Id, s.Y.Id, s.Z.Id, s.W.Id };
        var changes = await app.WithDb(async (db, _) => await db.StageChanges.Where(c => ids.Contains(c.ApplicationId)).ToListAsync());
        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.ApplicationId == s.X.Id && c.From == Stage.PreliminaryReview && c.To == Stage.PanelReview && c.Move == Move.StartPanelReview);
        Assert.Contains(changes, c => c.ApplicationId == s.Y.Id && c.To == Stage.Proposed && c.Move == Move.Propose);
        Assert.Contains(changes, c => c.ApplicationId == s.W.Id && c.To == Stage.Proposed && c.Move == Move.Propose);
        var audited = await app.WithDb(async (db, _) => await db.AuditEvents
            .Where(e => e.Action == "Ranking.Finalized" && e.RecordType == "Application").Select(e => e.RecordId).ToListAsync());
        Assert.Equal(new[] { s.W.Id, s.X.Id, s.Y.Id }.Select(i => i.ToString()).Order(), audited.Where(r => ids.Select(i => i.ToString()).Contains(r)).Order());

        // Nothing is left to finalise but Z, which still waits for a sheet.
        var again = await client.PostAsJsonAsync($"/api/v1/rounds/{s.World.Year}/rankings/finalize", new { category = "OrganizationModel" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_ticks_an_extra_benchmark_candidate_but_not_a_vetoed_one()
    {
        var s = await build.RankingScenario();
        var client = await app.ApiClient(await build.Secretariat());
        var refused = await client.PostAsJsonAsync($"/api/v1/rounds/{s.World.Year}/rankings/finalize",
            new { category = "OrganizationModel", benchmarkCandidates = new[] { s.W.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Stage.PreliminaryReview, (await build.Reload(s.W.Id))!.Stage);
        Assert.Equal(Stage.PreliminaryReview, (await build.Reload(s.X.Id))!.Stage);
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.StageChanges.CountAsync(c => c.ApplicationId == s.X.Id || c.ApplicationId == s.W.Id)));

        var ok = await client.PostAsJsonAsync($"/api/v1/rounds/{s.World.Year}/rankings/finalize",
            new { category = "OrganizationModel", benchmarkCandidates = new[] { s.Y.Id } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.Json()).GetProperty("toPanelReview").GetInt32());
        var y = (await build.Reload(s.Y.Id))!;
        Assert.Equal((Stage.PanelReview, Level.Advancing, true), (y.Stage, y.ProposedLevel, y.IsBenchmarkCandidate));
    }

    private static Task<HttpResponseMessage> PostConsensus(HttpClient client, Guid id, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/consensus") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_group_leader_records_a_consensus_that_overrides_the_mean_while_the_sheets_stay()
    {
        var s = await build.RankingScenario();
        var leader = await app.ApiClient(s.World.Experts[0].User);
        var response = await PostConsensus(leader, s.Y.Id, new { score = 72.5m, blockPoints = new Dictionary<string, decimal> { ["4"] = 10.0m }, reason = "组内合议：结果数据经核实，取中间意见" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.ToString());

        var row = await app.WithDb(async (db, _) => await db.Consensus.SingleAsync(c => c.ApplicationId == s.Y.Id));
        Assert.Equal((72.5m, 10.0m, s.World.Experts[0].Expert.Id, s.World.Group.Id), (row.Score, row.BlockPoints["4"], row.ByExpertId, row.ReviewGroupId));
        Assert.Equal(new[] { 50m, 70m, 90m }, await app.WithDb(async (db, _) =>
            (await db.Reviews.Where(r => r.ApplicationId == s.Y.Id).Select(r => r.Total).ToListAsync()).Order().ToArray()));
        Assert.Equal(1, await app.WithDb(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Ranking.ConsensusRecorded" && e.RecordType == "Consensus")));

        var page = await (await (await app.ApiClient(await build.Secretariat())).GetAsync(Rankings(s.World))).Json();
        var y = Item(page, s.Y.Id);
        Assert.Equal(72.5m, y.GetProperty("score").GetDecimal());
        Assert.Equal(70.0m, y.GetProperty("mean").GetDecimal());
        Assert.True(y.GetProperty("consensus").GetBoolean());
        Assert.Equal(10.0m, Blocks(y)[3]);

        // A revision names the version it read.
        var blind = await PostConsensus(leader, s.Y.Id, new { score = 73.0m, reason = "再议" });
        Assert.Equal((HttpStatusCode)428, blind.StatusCode);
        var stale = await PostConsensus(leader, s.Y.Id, new { score = 73.0m, reason = "再议" }, "\"5\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var revised = await PostConsensus(leader, s.Y.Id, new { score = 73.0m, reason = "再议" }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(73.0m, await app.WithDb(async (db, _) => await db.Consensus.Where(c => c.ApplicationId == s.Y.Id).Select(c => c.Score).SingleAsync()));
    }

    [Fact]
    public async Task A_consensus_by_anyone_but_the_leader_is_refused_and_changes_nothing()
    {
        var s = await build.RankingScenario();
        var body = new { score = 72.5m, reason = "合议" };
        var member = await PostConsensus(await app.ApiClient(s.World.Experts[1].User), s.Y.Id, body);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal("Ranking.Consensus.NotLeader", (await member.Json()).GetProperty("code").GetString());
        var stranger = await PostConsensus(await app.ApiClient(s.World.Experts[3].User), s.Y.Id, body);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var secretariat = await PostConsensus(await app.ApiClient(await build.Secretariat()), s.Y.Id, body);
        Assert.Equal(HttpStatusCode.Forbidden, secretariat.StatusCode);

        var leader = await app.ApiClient(s.World.Experts[0].User);
        Assert.Equal(HttpStatusCode.Conflict, (await PostConsensus(leader, s.Z.Id, body)).StatusCode); // a sheet is still a draft
        Assert.Equal(HttpStatusCode.Conflict, (await PostConsensus(leader, s.X.Id, body)).StatusCode); // neither divergent nor at a gate
        var invalid = await PostConsensus(leader, s.Y.Id, new { score = 101m, blockPoints = new Dictionary<string, decimal> { ["4"] = 16m }, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Json()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("score", out _));
        Assert.True(errors.TryGetProperty("blockPoints.4", out _));
        Assert.True(errors.TryGetProperty("reason", out _));

        var ids = new[] { s.X.Id, s.Y.Id, s.Z.Id };
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.Consensus.CountAsync(c => ids.Contains(c.ApplicationId))));
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Ranking.ConsensusRecorded")));
    }

    [Fact]
    public async Task The_calibration_shows_each_experts_deviation_from_its_peers()
    {
        var s = await build.RankingScenario();
        var client = await app.ApiClient(await build.Secretariat());
        var response = await client.GetAsync($"/api/v1/rounds/{s.World.Year}/calibration?category=OrganizationModel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Json()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var ding = items.Single(i => i.GetProperty("expertId").GetGuid() == s.World.Experts[3].Expert.Id);
        Assert.Equal("专家丁", ding.GetProperty("name").GetString());
        Assert.Equal(1, ding.GetProperty("sheets").GetInt32());
        Assert.Equal(-6.25m, ding.GetProperty("meanDeviation").GetDecimal()); // 80 against (95 + 90 + 85 + 75) / 4
        Assert.True(ding.GetProperty("meanPeerZ").GetDecimal() < 0);
        var jia = items.Single(i => i.GetProperty("expertId").GetGuid() == s.World.Experts[0].Expert.Id);
        Assert.Equal(4, jia.GetProperty("sheets").GetInt32());
    }

    [Fact]
    public async Task The_export_has_one_row_per_sheet_and_criterion_and_a_summary()
    {
        var s = await build.RankingScenario();
        var client = await app.ApiClient(await build.Secretariat());
        var response = await client.GetAsync($"/api/v1/rounds/{s.World.Year}/scores.xlsx?category=OrganizationModel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new[] { "评分明细", "汇总" }, MiniExcel.GetSheetNames(new MemoryStream(bytes)));

        var scores = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "评分明细").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal((5 + 3 + 2 + 3) * 15, scores.Count); // the draft is not exported
        var first = scores.Single(r => (string)r["评审专家"] == "专家甲" && (string)r["成果名称"] == s.X.Title && (string)r["子项编号"] == "1.1");
        Assert.Equal(("95", "5.7", "1.1 评语", "95", "优势明显", "可加强对标"),
            ((string)first["评分档（%）"], (string)first["得分"], (string)first["评语"], (string)first["专家总分"], (string)first["优势"], (string)first["改进机会"]));
        Assert.Contains(scores, r => (string)r["成果名称"] == s.W.Title && (r["一票否决"] as string ?? "").StartsWith("近三年发生重大质量", StringComparison.Ordinal));

        var summary = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, summary.Count);
        Assert.Equal((s.X.Title, "85", "优秀级", "是"), ((string)summary[0]["成果名称"], (string)summary[0]["初审得分"], (string)summary[0]["拟认定等级"], (string)summary[0]["标杆候选"]));
        Assert.Equal("不予认定", (string)summary[1]["拟认定等级"]);
    }

    [Fact]
    public async Task Experts_and_applicants_cannot_read_or_finalise_the_rankings()
    {
        var s = await build.RankingScenario();
        var org = await build.Organization();
        foreach (var user in new[] { s.World.Experts[0].User, await build.Applicant(org) })
        {
            var client = await app.ApiClient(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Rankings(s.World))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/rounds/{s.World.Year}/calibration?category=OrganizationModel")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/rounds/{s.World.Year}/scores.xlsx?category=OrganizationModel")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/rounds/{s.World.Year}/rankings/finalize", new { category = "OrganizationModel" })).StatusCode);
        }
        Assert.Equal(Stage.PreliminaryReview, (await build.Reload(s.X.Id))!.Stage);
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Rankings(s.World))).StatusCode);
    }
}
