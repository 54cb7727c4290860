using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class UserAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);
    private const string NewPassword = "Fresh@Passw0rd!";

    private Task<User?> UserByEmail(string email) =>
        app.WithDb((db, _) => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private Task<List<string>> RolesOf(Guid id) => app.WithDb((db, _) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task A_recommender_unit_and_its_user_are_created_and_the_mailed_link_sets_a_password_that_signs_in()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var created = await client.PostForm("/Secretariat/Recommenders/Edit", new
        {
            Input_Name = "浦东新区市场监督管理局", Input_Kind = "DistrictBureau", Input_District = "310115", Input_ContactName = "李联系",
            Input_ContactPhone = "138 0013 8000", Input_ContactEmail = "pudong@test.local", Input_IsActive = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var unit = await app.WithDb((db, _) => db.RecommenderUnits.AsNoTracking().SingleAsync(u => u.Name == "浦东新区市场监督管理局"));
        Assert.Equal(RecommenderKind.DistrictBureau, unit.Kind);
        Assert.Equal("138****8000", unit.ContactPhoneMasked);
        Assert.DoesNotContain("13800138000", unit.ContactPhoneCipher);
        var unitPage = created.Headers.Location!.OriginalString;
        Assert.Equal($"/Secretariat/Recommenders/Edit/{unit.Id}", unitPage);
        Assert.Contains("value=\"13800138000\"", await client.Html(unitPage));

        var email = Build.UniqueEmail("pudong");
        var account = await client.PostForm(unitPage, new { UserName = "王推荐", UserEmail = email }, unitPage + "?handler=AddUser");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        var user = await UserByEmail(email);
        Assert.NotNull(user);
        Assert.Equal(unit.Id, user.RecommenderUnitId);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Roles.Recommender], await RolesOf(user.Id));
        Assert.Single(build.MailsTo(email));
        Assert.Equal(["Users.Created", "Users.RoleGranted"], await app.WithDb((db, _) =>
            db.AuditEvents.Where(e => e.RecordType == "User" && e.RecordId == user.Id.ToString()).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync()));

        var visitor = app.NewClient();
        var link = build.SetPasswordLink(email);
        var form = await visitor.Html(link);
        Assert.Contains($"value=\"{email}\"", form);
        var mismatch = await visitor.PostForm(link, new { Password = NewPassword, ConfirmPassword = "Other@Passw0rd!" }, "/Account/SetPassword");
        Assert.Contains("两次输入的密码不一致", await mismatch.Content.ReadAsStringAsync());
        var set = await visitor.PostForm(link, new { Password = NewPassword, ConfirmPassword = NewPassword }, link);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/Account/SignIn", set.Headers.Location!.OriginalString);

        await app.NewClient().SignIn(new TestUser(user.Id, email, NewPassword, null));
        var reused = await visitor.PostForm(link, new { Password = "Another@Passw0rd!", ConfirmPassword = "Another@Passw0rd!" }, link);
        Assert.Contains("链接或验证码无效或已过期", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_duplicate_unit_name_and_a_bad_credit_code_are_refused_and_nothing_is_saved()
    {
        var existing = await build.Recommender(name: "已有的推荐单位");
        var client = await app.SignedIn(await build.Secretariat());
        var response = await client.PostForm("/Secretariat/Recommenders/Edit", new
        {
            Input_Name = "已有的推荐单位", Input_Kind = "IndustryAssociation", Input_CreditCode = "91350100M000100Y44", Input_ContactName = "某人",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已有名为“已有的推荐单位”的推荐单位", html);
        Assert.Contains("统一社会信用代码校验位不正确，应为 3", html);
        Assert.Equal(1, await app.WithDb((db, _) => db.RecommenderUnits.CountAsync(u => u.Name == existing.Name)));
    }

    [Fact]
    public async Task The_secretariat_creates_an_expert_who_is_mailed_but_may_not_grant_staff_roles()
    {
        var client = await app.SignedIn(await build.Secretariat());
        var email = Build.UniqueEmail("expert");
        var response = await client.PostForm("/Staff/Users/Create",
            [new("Input.Name", "赵专家"), new("Input.Email", email), new("Input.Roles", "Expert"), new("Input.Roles", "Approver")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await UserByEmail(email);
        Assert.Equal([Roles.Approver, Roles.Expert], await RolesOf(user!.Id));
        Assert.Single(build.MailsTo(email));

        var other = Build.UniqueEmail("sneaky");
        var refused = await client.PostForm("/Staff/Users/Create",
            [new("Input.Name", "越权"), new("Input.Email", other), new("Input.Roles", "Administrator")]);
        Assert.Contains("您无权授予或撤销角色 Administrator", await refused.Content.ReadAsStringAsync());
        Assert.Null(await UserByEmail(other));
        Assert.Empty(build.MailsTo(other));
    }

    [Fact]
    public async Task A_role_change_is_audited_grant_by_grant_with_the_reason()
    {
        var expert = await build.Expert();
        var client = await app.SignedIn(await build.Administrator());
        var page = $"/Staff/Users/Edit/{expert.Id}";
        var response = await client.PostForm(page,
            [new("Roles", "Approver"), new("Roles", "Secretariat"), new("RolesReason", "调任秘书处")], page + "?handler=Roles");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Approver, Roles.Secretariat], await RolesOf(expert.Id));
        var events = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordId == expert.Id.ToString() && e.Action.StartsWith("Users.Role"))
            .OrderBy(e => e.Seq).Select(e => new { e.Action, e.Before, e.After, e.Reason }).ToListAsync());
        Assert.Equal(3, events.Count);
        Assert.Equal(("Users.RoleGranted", null, "{\"Role\":\"Approver\"}", "调任秘书处"), (events[0].Action, events[0].Before, events[0].After, events[0].Reason));
        Assert.Equal(("Users.RoleGranted", "{\"Role\":\"Secretariat\"}"), (events[1].Action, events[1].After));
        Assert.Equal(("Users.RoleWithdrawn", "{\"Role\":\"Expert\"}"), (events[2].Action, events[2].Before));
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_cannot_sign_in_and_the_reason_is_in_the_audit_log()
    {
        var expert = await build.Expert();
        var session = await app.SignedIn(expert);
        var client = await app.SignedIn(await build.Secretariat());
        var page = $"/Staff/Users/Edit/{expert.Id}";

        var noReason = await client.PostForm(page, new { Reason = "" }, page + "?handler=Disable");
        Assert.Contains("id=\"Reason-error\">此项为必填项", await noReason.Content.ReadAsStringAsync());
        Assert.False((await UserByEmail(expert.Email))!.IsDisabled);

        var response = await client.PostForm(page, new { Reason = "聘期结束" }, page + "?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await UserByEmail(expert.Email))!.IsDisabled);
        var open = await session.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("/Account/SignIn", open.Headers.Location!.AbsolutePath);
        var signIn = await app.NewClient().PostForm("/Account/SignIn", new { Input_Email = expert.Email, Input_Password = expert.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var audit = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordId == expert.Id.ToString() && e.Action == "Users.Disabled")
            .Select(e => new { e.Reason, e.After }).SingleAsync());
        Assert.Equal("聘期结束", audit.Reason);
        Assert.Equal("{\"IsDisabled\":true}", audit.After);
    }

    [Fact]
    public async Task Nobody_disables_themselves_and_the_secretariat_cannot_disable_an_administrator()
    {
        var secretariat = await build.Secretariat();
        var admin = await build.Administrator();
        var client = await app.SignedIn(secretariat);
        var self = await client.PostForm($"/Staff/Users/Edit/{admin.Id}", new { Reason = "试试" }, $"/Staff/Users/Edit/{secretariat.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("不能停用自己的账号", await self.Content.ReadAsStringAsync());
        var other = await client.PostForm($"/Staff/Users/Edit/{admin.Id}", new { Reason = "试试" }, $"/Staff/Users/Edit/{admin.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.False((await UserByEmail(secretariat.Email))!.IsDisabled);
        Assert.False((await UserByEmail(admin.Email))!.IsDisabled);
    }

    [Fact]
    public async Task The_user_list_filters_by_role_text_and_status()
    {
        var name = "筛选测试" + Guid.NewGuid().ToString("N")[..6];
        var client = await app.SignedIn(await build.Administrator());
        foreach (var (suffix, role) in new[] { ("甲", "Expert"), ("乙", "Expert"), ("丙", "Approver") })
            await client.PostForm("/Staff/Users/Create",
                [new("Input.Name", name + suffix), new("Input.Email", Build.UniqueEmail("filter")), new("Input.Roles", role)]);
        Assert.Contains("共 3 条", await client.Html($"/Staff/Users?q={Uri.EscapeDataString(name)}"));
        Assert.Contains("共 2 条", await client.Html($"/Staff/Users?q={Uri.EscapeDataString(name)}&role=Expert"));
        Assert.Contains("共 0 条", await client.Html($"/Staff/Users?q={Uri.EscapeDataString(name)}&status=disabled"));
    }
}
