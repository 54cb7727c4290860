using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtpNet;

namespace Excellence.Tests.Support;

/// <summary>What a browser does, over HTTP: read the antiforgery token from a form, post it, sign in.</summary>
public static partial class Http
{
    public static async Task<string> Html(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public static string AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>GETs <paramref name="formPath"/> for its token, then POSTs the fields to <paramref name="postPath"/> (default: the same).</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string formPath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var token = AntiforgeryToken(await client.Html(formPath));
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(postPath ?? formPath, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> PostForm(this HttpClient client, string formPath, object fields, string? postPath = null) =>
        client.PostForm(formPath, Fields(fields), postPath);

    /// <summary>Anonymous object → form fields; property names with "_" become "." (Input_Email → Input.Email).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Fields(object fields) =>
        fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name.Replace('_', '.'), p.GetValue(fields)?.ToString() ?? ""));

    public static Totp Totp(string key) => new(Base32Encoding.ToBytes(key));

    public static string TotpCode(string key) => Totp(key).ComputeTotp(DateTime.UtcNow);

    /// <summary>Signs in through the pages (with the second step when the account has one); asserts success.</summary>
    public static async Task SignIn(this HttpClient client, TestUser user)
    {
        var response = await client.PostForm("/Account/SignIn", new { Input_Email = user.Email, Input_Password = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/Account/SignInTwoFactor", StringComparison.Ordinal))
        {
            Assert.NotNull(user.AuthenticatorKey);
            response = await client.PostForm(response.Headers.Location.OriginalString, new { Code = TotpCode(user.AuthenticatorKey!) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.DoesNotContain("/Account/SignIn", response.Headers.Location!.OriginalString);
    }

    public static async Task<HttpClient> SignedIn(this AppFactory app, TestUser user)
    {
        var client = app.NewClient();
        await client.SignIn(user);
        return client;
    }

    /// <summary>A bearer-token client for the API.</summary>
    public static async Task<HttpClient> ApiClient(this AppFactory app, TestUser user, string language = "zh-CN")
    {
        var client = app.NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new
        {
            email = user.Email, password = user.Password,
            twoFactorCode = user.AuthenticatorKey is null ? null : TotpCode(user.AuthenticatorKey),
        });
        Assert.True(response.IsSuccessStatusCode, $"token: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
