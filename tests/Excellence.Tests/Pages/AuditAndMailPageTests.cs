using System.Net;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class AuditAndMailPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task Audit_filters_return_exact_counts_on_the_page_and_in_the_api()
    {
        var admin = await build.Administrator();
        var client = await app.SignedIn(admin);
        var units = new List<Guid>();
        foreach (var name in new[] { "审计甲", "审计乙" })
            units.Add((await build.Recommender(name: name + Guid.NewGuid().ToString("N")[..4])).Id);
        var unit = units[0].ToString();

        Assert.Contains("共 1 条", await client.Html($"/Staff/Audit?recordType=RecommenderUnit&recordId={unit}"));
        Assert.Contains("共 0 条", await client.Html($"/Staff/Audit?recordType=RecommenderUnit&recordId={unit}&from=2026-06-19"));
        Assert.Contains("共 1 条", await client.Html($"/Staff/Audit?recordId={unit}&from=2026-06-18&to=2026-06-18"));

        var api = await app.ApiClient(admin, "en");
        var all = await (await api.GetAsync("/api/v1/audit?recordType=RecommenderUnit&pageSize=1")).Json();
        var expected = await app.WithDb((db, _) => db.AuditEvents.CountAsync(e => e.RecordType == "RecommenderUnit"));
        Assert.Equal(expected, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("items").GetArrayLength());
        Assert.Equal(1, all.GetProperty("pageSize").GetInt32());

        var one = await (await api.GetAsync($"/api/v1/audit?recordId={units[1]}")).Json();
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        var entry = one.GetProperty("items")[0];
        Assert.Equal("RecommenderUnit.Created", entry.GetProperty("action").GetString());
        Assert.Equal("2026-06-18T10:00:00+08:00", entry.GetProperty("at").GetString());

        var expert = await build.Expert();
        var page = $"/Staff/Users/Edit/{expert.Id}";
        await client.PostForm(page, [new("Roles", "Expert"), new("Roles", "Approver")], page + "?handler=Roles");
        var byActor = await (await api.GetAsync($"/api/v1/audit?actor={admin.Id}&action=Users.")).Json();
        Assert.Equal(1, byActor.GetProperty("total").GetInt32());
        Assert.Equal("Users.RoleGranted", byActor.GetProperty("items")[0].GetProperty("action").GetString());
        var byName = await (await api.GetAsync($"/api/v1/audit?actor={Uri.EscapeDataString(admin.Email)}&action=Users.RoleGranted")).Json();
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_chain_is_verified_on_request()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var count = await app.WithDb((db, _) => db.AuditEvents.CountAsync());
        var html = await client.Html("/Staff/Audit?handler=Verify");
        Assert.Contains($"日志链完整：已校验 {count} 条记录。", html);
    }

    [Fact]
    public async Task The_administrator_lists_opens_and_downloads_a_mail()
    {
        var secretariat = await app.SignedIn(await build.Secretariat());
        var email = Build.UniqueEmail("mailtest");
        await secretariat.PostForm("/Staff/Users/Create", [new("Input.Name", "<b>邮件</b>测试"), new("Input.Email", email), new("Input.Roles", "Expert")]);
        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml")
            .Single(f => File.ReadAllText(f).Contains(email)));

        var admin = await app.SignedIn(await build.Administrator());
        var list = await admin.Html("/Admin/Mail");
        Assert.Contains(file, list);
        Assert.Contains("请设置您的登录密码 / Choose your password", list);
        var message = await admin.Html($"/Admin/Mail/Message?file={file}");
        Assert.Contains("&lt;b&gt;邮件&lt;/b&gt;测试，您好", message);
        Assert.Contains("https://excellence.test/Account/SetPassword?email=", message);
        var download = await admin.GetAsync($"/Admin/Mail/Message?handler=Download&file={file}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Mail/Message?file=..%2Fkeys%2Fx.eml")).StatusCode);
        var refused = await secretariat.GetAsync("/Admin/Mail");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.AbsolutePath);
    }
}
