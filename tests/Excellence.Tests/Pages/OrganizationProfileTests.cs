using System.Net;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class OrganizationProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    /// <summary>The edit form's fields as the browser would post them back.</summary>
    private static List<KeyValuePair<string, string>> FormOf(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*>"))
        {
            var tag = m.Value;
            string? Attr(string name)
            {
                var a = System.Text.RegularExpressions.Regex.Match(tag, $" {name}=\"([^\"]*)\"");
                return a.Success ? WebUtility.HtmlDecode(a.Groups[1].Value) : null;
            }
            var name = Attr("name");
            if (name is null || name == "__RequestVerificationToken" || name == "culture" || name == "returnUrl") continue;
            var type = Attr("type");
            if (type is "radio" or "checkbox" && !tag.Contains(" checked")) continue;
            fields.Add(new(name, Attr("value") ?? ""));
        }
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select[^>]* name=\"([^\"]+)\"[\\s\\S]*?</select>"))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Value, "<option value=\"([^\"]*)\" selected=\"selected\"|<option selected=\"selected\" value=\"([^\"]*)\"");
            fields.Add(new(m.Groups[1].Value, selected.Groups[1].Value + selected.Groups[2].Value));
        }
        return fields;
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string value) =>
        fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, value) : f).ToList();

    [Fact]
    public async Task The_profile_shows_the_mobile_masked_and_an_edit_is_saved_with_a_new_version()
    {
        var org = await build.Organization();
        var client = await app.SignedIn(await build.Applicant(org));
        var view = await client.Html("/Organization/Profile");
        Assert.Contains("138****8000", view);
        Assert.DoesNotContain("13800138000", view);

        var edit = await client.Html("/Organization/Profile?edit=true");
        var fields = With(FormOf(edit), "Org.Name", "改名后的测试组织");
        Assert.Contains(fields, f => f is { Key: "Version", Value: "0" });
        var response = await client.PostForm("/Organization/Profile?edit=true", fields, "/Organization/Profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await app.WithDb((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal("改名后的测试组织", saved.Name);
        Assert.Equal(1, saved.Version);
        Assert.Equal("138****8000", saved.ContactMobileMasked); // the masked value sent back keeps the number
        Assert.Equal(org.ContactMobileCipher, saved.ContactMobileCipher);
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_next_to_the_field_and_nothing_changes()
    {
        var org = await build.Organization();
        var client = await app.SignedIn(await build.Applicant(org));
        var fields = With(FormOf(await client.Html("/Organization/Profile?edit=true")), "Org.ContactMobile", "12345");
        var response = await client.PostForm("/Organization/Profile?edit=true", fields, "/Organization/Profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Org_ContactMobile-error\">请输入有效的手机号码（11 位，以 1 开头）<", await response.Content.ReadAsStringAsync());
        var saved = await app.WithDb((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal(0, saved.Version);
        Assert.Equal(org.ContactMobileCipher, saved.ContactMobileCipher);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_a_message_and_the_users_input_is_kept()
    {
        var org = await build.Organization();
        var applicant = await build.Applicant(org);
        var first = await app.SignedIn(applicant);
        var second = await app.SignedIn(await build.Applicant(org));
        var firstForm = FormOf(await first.Html("/Organization/Profile?edit=true"));
        var secondForm = FormOf(await second.Html("/Organization/Profile?edit=true"));

        Assert.Equal(HttpStatusCode.Redirect,
            (await first.PostForm("/Organization/Profile?edit=true", With(firstForm, "Org.ContactName", "先保存的人"), "/Organization/Profile")).StatusCode);
        var stale = await second.PostForm("/Organization/Profile?edit=true", With(secondForm, "Org.ContactName", "后保存的人"), "/Organization/Profile");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("该记录已被他人修改，请刷新后重试（您的输入仍保留在表单中）", html);
        Assert.Contains("value=\"后保存的人\"", html);

        var saved = await app.WithDb((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal("先保存的人", saved.ContactName);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Other_roles_cannot_open_the_profile_page()
    {
        var client = await app.SignedIn(await build.Expert());
        var response = await client.GetAsync("/Organization/Profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }
}
