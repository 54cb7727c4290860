using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

public class OrganizationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    private static HttpRequestMessage Put(JsonElement profile, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/organizations/me") { Content = JsonContent.Create(profile) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static JsonElement Change(JsonElement profile, string field, object? value)
    {
        var dict = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(profile.GetRawText())!;
        dict[field] = JsonSerializer.SerializeToElement(value);
        return JsonSerializer.SerializeToElement(dict);
    }

    [Fact]
    public async Task Get_answers_the_profile_with_the_mobile_masked_and_its_version_as_etag()
    {
        var org = await build.Organization();
        var api = await app.ApiClient(await build.Applicant(org));
        var response = await api.GetAsync("/api/v1/organizations/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag!.ToString());
        var body = await response.Json();
        Assert.Equal(org.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(org.CreditCode, body.GetProperty("profile").GetProperty("creditCode").GetString());
        Assert.Equal("138****8000", body.GetProperty("profile").GetProperty("contactMobile").GetString());
        Assert.Equal("MarketEntity", body.GetProperty("profile").GetProperty("nature").GetString());
    }

    [Fact]
    public async Task Put_with_the_current_etag_saves_and_a_stale_one_is_refused_with_412_and_nothing_written()
    {
        var org = await build.Organization();
        var api = await app.ApiClient(await build.Applicant(org));
        var profile = (await (await api.GetAsync("/api/v1/organizations/me")).Json()).GetProperty("profile");

        var saved = await api.SendAsync(Put(Change(profile, "contactMobile", "13912345678"), "W/\"0\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.ToString());
        Assert.Equal("139****5678", (await saved.Json()).GetProperty("profile").GetProperty("contactMobile").GetString());

        var stale = await api.SendAsync(Put(Change(profile, "name", "过时的名称"), "W/\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var missing = await api.SendAsync(Put(Change(profile, "name", "过时的名称"), null));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);

        var row = await app.WithDb((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal(1, row.Version);
        Assert.Equal(org.Name, row.Name);
        Assert.Equal("139****5678", row.ContactMobileMasked);
    }

    [Fact]
    public async Task Field_errors_are_keyed_by_camel_case_field_in_Chinese_by_default_and_English_when_asked()
    {
        var org = await build.Organization();
        var applicant = await build.Applicant(org);
        var zh = await app.ApiClient(applicant);
        var en = await app.ApiClient(applicant, "en");
        var profile = (await (await zh.GetAsync("/api/v1/organizations/me")).Json()).GetProperty("profile");
        var bad = Change(Change(Change(profile, "creditCode", "91350100M000100Y44"), "contactMobile", "12345678901"), "registeredPostcode", "2001");

        var chinese = await zh.SendAsync(Put(bad, "W/\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var errors = (await chinese.Json()).GetProperty("errors");
        Assert.Equal("统一社会信用代码校验位不正确，应为 3", errors.GetProperty("creditCode")[0].GetString());
        Assert.Equal("请输入有效的手机号码（11 位，以 1 开头）", errors.GetProperty("contactMobile")[0].GetString());
        Assert.Equal("邮政编码应为 6 位数字", errors.GetProperty("registeredPostcode")[0].GetString());

        var english = await en.SendAsync(Put(bad, "W/\"0\""));
        var enErrors = (await english.Json()).GetProperty("errors");
        Assert.Equal("The credit code's check character is wrong; it should be 3", enErrors.GetProperty("creditCode")[0].GetString());
        Assert.Equal("Enter a valid mainland mobile number (11 digits starting with 1)", enErrors.GetProperty("contactMobile")[0].GetString());
        Assert.Equal("The postcode must be 6 digits", enErrors.GetProperty("registeredPostcode")[0].GetString());

        var row = await app.WithDb((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal(0, row.Version);
        Assert.Equal(org.CreditCode, row.CreditCode);
    }

    [Fact]
    public async Task Another_organisations_credit_code_is_refused()
    {
        var other = await build.Organization();
        var org = await build.Organization();
        var api = await app.ApiClient(await build.Applicant(org), "en");
        var profile = (await (await api.GetAsync("/api/v1/organizations/me")).Json()).GetProperty("profile");
        var response = await api.SendAsync(Put(Change(profile, "creditCode", other.CreditCode), "W/\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("An organisation with this credit code is already registered; ask its users to invite you",
            (await response.Json()).GetProperty("errors").GetProperty("creditCode")[0].GetString());
        Assert.Equal(org.CreditCode, await app.WithDb((db, _) => db.Organizations.Where(o => o.Id == org.Id).Select(o => o.CreditCode).SingleAsync()));
    }

    [Fact]
    public async Task Only_applicants_reach_the_endpoint()
    {
        var api = await app.ApiClient(await build.Expert());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/organizations/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/organizations/me")).StatusCode);
    }
}
