using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Excellence.Tests.Results;

/// <summary>Publication: stages, certificates and their numbers, the public list (page, API, Excel) and consent.</summary>
public class PublicationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task Publishing_moves_every_notice_application_to_published_and_numbers_certificates_per_year_and_category()
    {
        var year = await build.ResultYear();
        var org = await build.Organization();
        var excellent = await build.NoticeApplication(org, year, Level.Excellent);
        var benchmark = await build.NoticeApplication(await build.Organization(), year, Level.Benchmark);
        var advancing = await build.NoticeApplication(await build.Organization(), year, Level.Advancing);
        var unrecognised = await build.NoticeApplication(await build.Organization(), year, null);
        var single = await build.NoticeApplication(await build.Organization(), year, Level.Excellent, Category.SinglePractice);
        var notApproved = await build.NoticeApplication(await build.Organization(), year, null, stage: Stage.NotApproved);
        var draft = await build.NoticeApplication(await build.Organization(), year, null, stage: Stage.Screening);
        var secretariat = await app.ApiClient(await build.Secretariat());

        var response = await secretariat.PostAsync($"/api/v1/rounds/{year}/publication", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await app.WithDb(async db =>
        {
            var stages = await db.Applications.Where(a => a.Year == year).ToDictionaryAsync(a => a.Id, a => a.Stage);
            Assert.All(new[] { excellent, benchmark, advancing, unrecognised, single }, a => Assert.Equal(Stage.Published, stages[a.Id]));
            Assert.Equal(Stage.NotApproved, stages[notApproved.Id]);
            Assert.Equal(Stage.Screening, stages[draft.Id]);
            var certificates = await db.Certificates.Where(c => c.Year == year).ToListAsync();
            Assert.Equal(4, certificates.Count);
            // Numbered within the category, the highest level first.
            var byApplication = certificates.ToDictionary(c => c.ApplicationId, c => c.Number);
            Assert.Equal($"SHQA-{year}-OM-001", byApplication[benchmark.Id]);
            Assert.Equal($"SHQA-{year}-OM-002", byApplication[excellent.Id]);
            Assert.Equal($"SHQA-{year}-OM-003", byApplication[advancing.Id]);
            Assert.Equal($"SHQA-{year}-SP-001", byApplication[single.Id]);
            Assert.False(byApplication.ContainsKey(unrecognised.Id));
            Assert.All(certificates, c => Assert.Matches("^[A-Z2-7]{32}$", c.Code));
            Assert.Equal(4, certificates.Select(c => c.Code).Distinct().Count());
            Assert.Equal(org.Name, certificates.Single(c => c.ApplicationId == excellent.Id).HolderName);
            var publications = await db.Publications.Where(p => p.Year == year).OrderBy(p => p.Category).ToListAsync();
            Assert.Equal([(Category.OrganizationModel, 3, 1), (Category.SinglePractice, 1, 0)],
                publications.Select(p => (p.Category, p.Recognised, p.NotRecognised)));
            var ids = new[] { excellent.Id, benchmark.Id, advancing.Id, unrecognised.Id, single.Id };
            Assert.Equal(5, await db.StageChanges.CountAsync(c => ids.Contains(c.ApplicationId) && c.Move == Move.Publish && c.To == Stage.Published));
            var certificateIds = certificates.Select(c => c.Id.ToString()).ToList();
            var applicationIds = ids.Select(i => i.ToString()).ToList();
            Assert.Equal(4, await db.AuditEvents.CountAsync(e => e.Action == "Results.Published" && e.RecordType == "Certificate" && certificateIds.Contains(e.RecordId)));
            Assert.Equal(5, await db.AuditEvents.CountAsync(e => e.Action == "Results.Published" && e.RecordType == "Application" && applicationIds.Contains(e.RecordId)));
        });

        // Nothing is left to publish: a second attempt is refused and changes nothing.
        var again = await secretariat.PostAsync($"/api/v1/rounds/{year}/publication", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Results.NothingToPublish", (await again.Json()).GetProperty("code").GetString());
        Assert.Equal(4, await app.WithDb<int>(async (db, _) => await db.Certificates.CountAsync(c => c.Year == year)));
    }

    [Fact]
    public async Task An_applicant_cannot_publish_and_nothing_changes()
    {
        var year = await build.ResultYear();
        var org = await build.Organization();
        var a = await build.NoticeApplication(org, year, Level.Excellent);
        var client = await app.ApiClient(await build.Applicant(org));
        var response = await client.PostAsync($"/api/v1/rounds/{year}/publication", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Stage.PublicNotice, (await build.Reload(a.Id))!.Stage);
        Assert.Equal(0, await app.WithDb<int>(async (db, _) => await db.Certificates.CountAsync(c => c.Year == year)));
    }

    [Fact]
    public async Task The_public_list_names_only_consenting_applicants_on_the_page_the_api_and_the_excel()
    {
        var year = await build.ResultYear();
        var named = await build.Organization(o => o.Name = "上海明光精密制造有限公司");
        var hidden = await build.Organization(o => o.Name = "上海不愿具名科技有限公司");
        var employer = await build.Organization(o => o.Name = "上海申城建设集团有限公司");
        await build.NoticeApplication(named, year, Level.Benchmark, title: "精益质量管理模式");
        await build.NoticeApplication(hidden, year, Level.Excellent, consent: false, title: "保密的成果名称");
        await build.NoticeApplication(employer, year, Level.Advancing, Category.IndividualExperience, title: "班组质量改进经验", nominee: "张卓越");
        var secretariat = await app.ApiClient(await build.Secretariat());
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/rounds/{year}/publication", null)).StatusCode);

        var anonymous = app.NewClient();
        var api = await (await anonymous.GetAsync($"/api/v1/results?year={year}")).Json();
        Assert.Equal(3, api.GetProperty("total").GetInt32());
        var items = api.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["OrganizationModel", "OrganizationModel", "IndividualExperience"], items.Select(i => i.GetProperty("category").GetString()));
        Assert.Equal("上海明光精密制造有限公司", items[0].GetProperty("name").GetString());
        Assert.Equal("Benchmark", items[0].GetProperty("level").GetString());
        Assert.False(items[1].GetProperty("disclosed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[1].GetProperty("name").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[1].GetProperty("title").ValueKind);
        Assert.Equal("Excellent", items[1].GetProperty("level").GetString());
        Assert.Equal("张卓越", items[2].GetProperty("name").GetString());
        Assert.Equal("上海申城建设集团有限公司", items[2].GetProperty("organization").GetString());

        var filtered = await (await anonymous.GetAsync($"/api/v1/results?year={year}&category=OrganizationModel&level=Excellent")).Json();
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());

        var page = await anonymous.GetAsync($"/results?year={year}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("上海明光精密制造有限公司", html);
        Assert.Contains("精益质量管理模式", html);
        Assert.Contains("（未公开名称）", html);
        Assert.DoesNotContain("上海不愿具名科技有限公司", html);
        Assert.DoesNotContain("保密的成果名称", html);
        Assert.Contains("不得在产品或包装上进行标注", html);
        Assert.Contains("卓越管理创新经验（个人）", html);

        var excel = await anonymous.GetAsync($"/api/v1/results.xlsx?year={year}");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var rows = new MemoryStream(await excel.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["上海明光精密制造有限公司", "（未公开名称）", "张卓越"], rows.Select(r => (string)r["组织/个人"]));
        Assert.Equal(["标杆级", "优秀级", "推进级"], rows.Select(r => (string)r["评价等级"]));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v as string is "上海不愿具名科技有限公司" or "保密的成果名称"));
    }

    [Fact]
    public async Task A_year_without_publication_lists_nothing()
    {
        var year = await build.ResultYear();
        await build.NoticeApplication(await build.Organization(), year, Level.Excellent);
        var json = await (await app.NewClient().GetAsync($"/api/v1/results?year={year}")).Json();
        Assert.Equal(0, json.GetProperty("total").GetInt32());
    }
}
