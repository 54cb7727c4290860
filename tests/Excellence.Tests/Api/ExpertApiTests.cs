using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Excellence.Tests.Api;

/// <summary>The expert pool through /api/v1: create, read, update with If-Match, import and export of the workbook.</summary>
public class ExpertApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static readonly string[] Headers =
        ["姓名", "电子邮件", "工作单位", "统一社会信用代码", "所属集团", "集团统一社会信用代码", "职称/职务", "联系电话", "评审类别", "行业", "产业", "关联关系", "在库", "备注"];

    private static byte[] Workbook(params string[][] rows) => SimpleSheet.Write("专家库", Headers, rows);

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] bytes, bool createAccounts = false)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "experts.xlsx");
        return client.PostAsync($"/api/v1/experts/import?createAccounts={createAccounts.ToString().ToLowerInvariant()}", content);
    }

    private static async Task<List<Expert>> ExpertsWithEmailEnding(AppFactory app, string suffix) =>
        await app.WithDb<List<Expert>>(async (db, _) => (await db.Experts.AsNoTracking().ToListAsync()).Where(e => e.Email.EndsWith(suffix)).ToList());

    [Fact]
    public async Task The_secretariat_adds_an_expert_with_a_masked_phone_and_updates_it_only_with_the_current_version()
    {
        var client = await app.ApiClient(await build.Secretariat());
        var body = new
        {
            name = "王专家", email = Build.UniqueEmail("wang"), organizationName = "上海质量研究院", title = "研究员", phone = "13912345678",
            categories = new[] { "OrganizationModel" }, industries = new[] { "Services" }, sectors = new[] { "Finance" },
            affiliations = new[] { new { organizationName = "上海某咨询公司", kind = "Consulting", fromYear = 2022, toYear = (int?)null } },
            isActive = true, availability = new[] { new { year = 2026, available = false, note = "出国" } },
        };

        var created = await client.PostAsJsonAsync("/api/v1/experts", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Json();
        Assert.Equal("139****5678", json.GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain("13912345678", await created.Content.ReadAsStringAsync());
        var id = json.GetProperty("id").GetGuid();
        var stored = await app.WithDb<Expert>(async (db, _) => await db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.NotEqual("13912345678", stored.PhoneCipher);
        Assert.Equal(AffiliationKind.Consulting, Assert.Single(stored.Affiliations).Kind);
        Assert.False(await app.WithDb<bool>(async (db, _) => (await db.ExpertAvailability.SingleAsync(a => a.ExpertId == id && a.Year == 2026)).Available));

        var update = body with { };
        var missing = await client.PutAsJsonAsync($"/api/v1/experts/{id}", body);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/experts/{id}") { Content = JsonContent.Create(new { body.name, body.email, organizationName = "新单位", phone = "139****5678" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"5\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/experts/{id}") { Content = JsonContent.Create(new { body.name, body.email, organizationName = "新单位", phone = "139****5678" }) };
        put.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        var saved = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await app.WithDb<Expert>(async (db, _) => await db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(("新单位", stored.PhoneCipher, 1), (after.OrganizationName, after.PhoneCipher, after.Version));
    }

    [Fact]
    public async Task A_good_workbook_is_imported_and_upserts_by_email_creating_accounts_when_asked()
    {
        var client = await app.ApiClient(await build.Secretariat());
        var suffix = $"-{Guid.NewGuid():N}@import.local";
        var existing = await build.PoolExpert(e => e.Email = "old" + suffix);
        var bytes = Workbook(
            ["李新", "li" + suffix, "上海甲公司", "", "", "", "高级工程师", "13800001111", "卓越质量管理模式（组织）、卓越管理创新实践（单项）", "制造业", "汽车", "上海乙公司||任职|2018|2022", "是", ""],
            [existing.Name, "old" + suffix, "上海丙公司", "", "", "", "教授", "", "IndividualExperience", "", "", "", "否", "更新"]);

        var response = await Import(client, bytes, createAccounts: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.Equal((1, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var experts = await ExpertsWithEmailEnding(app, suffix);
        var li = experts.Single(e => e.Email == "li" + suffix);
        Assert.Equal([Excellence.Web.Domain.Category.OrganizationModel, Excellence.Web.Domain.Category.SinglePractice], li.Categories);
        Assert.Equal(["Automotive"], li.Sectors);
        Assert.Equal(new Affiliation("上海乙公司", null, AffiliationKind.Employment, 2018, 2022), Assert.Single(li.Affiliations));
        Assert.Equal("138****1111", li.PhoneMasked);
        Assert.NotNull(li.UserId);
        Assert.Contains("li" + suffix, Build.Mails(app).SelectMany(m => m.To.Mailboxes).Select(b => b.Address));
        var old = experts.Single(e => e.Id == existing.Id);
        Assert.Equal(("上海丙公司", false), (old.OrganizationName, old.IsActive));
    }

    [Fact]
    public async Task A_workbook_with_a_wrong_row_changes_nothing_and_names_each_row_and_field()
    {
        var client = await app.ApiClient(await build.Secretariat());
        var suffix = $"-{Guid.NewGuid():N}@import.local";
        var auditBefore = await build.AuditCount();
        var bytes = Workbook(
            ["好人", "good" + suffix, "上海甲公司", "", "", "", "", "", "", "", "", "", "是", ""],
            ["", "not-an-email", "上海乙公司", "91310115MA1234567X", "", "", "", "", "航天类", "", "", "上海丙公司|咨询", "是", ""]);

        var response = await Import(client, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        foreach (var field in new[] { "row3.name", "row3.email", "row3.organizationCreditCode", "row3.categories", "row3.affiliations" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Contains("电子邮件", errors.GetProperty("row3.email")[0].GetString());
        Assert.False(errors.TryGetProperty("row2.name", out _));
        Assert.Empty(await ExpertsWithEmailEnding(app, suffix));
        Assert.Equal(auditBefore, await build.AuditCount());

        var notExcel = await Import(client, "not a workbook"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notExcel.StatusCode);
    }

    [Fact]
    public async Task An_export_imported_back_updates_every_expert_and_changes_nothing_else()
    {
        var client = await app.ApiClient(await build.Secretariat());
        var expert = await build.PoolExpert(e =>
        {
            e.Affiliations = [new Affiliation("上海某集团有限公司", null, AffiliationKind.Coaching, 2021, null)];
            e.PhoneCipher = "cipher";
            e.PhoneMasked = "138****0000";
            e.GroupName = "某集团";
        });

        var export = await client.GetAsync("/api/v1/experts/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Headers, rows[0].Keys.ToArray());
        var row = rows.Single(r => (string)r["电子邮件"] == expert.Email);
        Assert.Equal("138****0000", row["联系电话"]);
        var count = rows.Count;

        var reimport = await Import(client, bytes);

        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        var result = await reimport.Json();
        Assert.Equal((0, count), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var after = await app.WithDb<Expert>(async (db, _) => await db.Experts.AsNoTracking().SingleAsync(e => e.Id == expert.Id));
        Assert.Equal(expert.Affiliations, after.Affiliations);
        Assert.Equal(expert.Categories, after.Categories);
        Assert.Equal(expert.Sectors, after.Sectors);
        Assert.Equal(("cipher", "138****0000", "某集团"), (after.PhoneCipher, after.PhoneMasked, after.GroupName));
    }

    [Fact]
    public async Task A_review_group_needs_its_leader_among_its_members()
    {
        await build.OpenRound();
        var a = await build.PoolExpert();
        var b = await build.PoolExpert();
        var outsider = await build.PoolExpert();
        var client = await app.ApiClient(await build.Secretariat());

        var bad = await client.PostAsJsonAsync("/api/v1/rounds/2026/review-groups",
            new { category = "SinglePractice", name = "单项实践类第一组", leaderExpertId = outsider.Id, memberIds = new[] { a.Id, b.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Json()).GetProperty("errors").TryGetProperty("leaderExpertId", out _));

        var created = await client.PostAsJsonAsync("/api/v1/rounds/2026/review-groups",
            new { category = "SinglePractice", name = "单项实践类第一组", leaderExpertId = a.Id, memberIds = new[] { a.Id, b.Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var group = await (await client.GetAsync($"/api/v1/rounds/2026/review-groups/{id}")).Json();
        Assert.Equal(a.Name, group.GetProperty("leaderName").GetString());
        Assert.Equal(2, group.GetProperty("members").GetArrayLength());
    }
}
