using System.Net.Http.Headers;
using Excellence.Web.Domain.Identifiers;

namespace Excellence.Tests.Support;

/// <summary>Filing objections over the API as a person with a browser would: read the notice, wait, send.</summary>
public static class Objections
{
    /// <summary>A valid resident ID number (born 1985, Shanghai Pudong) that differs by <paramref name="n"/>.</summary>
    public static string ResidentIdFor(int n)
    {
        var first = "31011519850101" + (n % 1000).ToString("D3");
        return first + ResidentId.CheckCharacter(first);
    }

    public sealed record Fields(Guid ApplicationId, string Identity = "13912345678", string Kind = "Mobile", string Name = "赵实名",
        string? Email = "objector@test.local", string Grounds = "该成果申报材料中的经营数据与实际情况不符，请核查。", string? Website = null,
        string Contact = "13912345678", string Organization = "上海某某公司");

    /// <summary>GETs the notice for its form token, lets <paramref name="wait"/> pass on the app's clock, then POSTs multipart.</summary>
    public static async Task<HttpResponseMessage> File(AppFactory app, HttpClient client, Guid noticeId, Fields f, TimeSpan? wait = null,
        (string Name, byte[] Content)? file = null)
    {
        var notice = await (await client.GetAsync($"/api/v1/notices/{noticeId}")).Json();
        var token = notice.TryGetProperty("formToken", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString() : null;
        app.Clock.Advance(wait ?? TimeSpan.FromSeconds(10));
        var form = new MultipartFormDataContent
        {
            { new StringContent(f.ApplicationId.ToString()), "applicationId" },
            { new StringContent(f.Name), "name" },
            { new StringContent(f.Kind), "identityKind" },
            { new StringContent(f.Identity), "identity" },
            { new StringContent(f.Organization), "organization" },
            { new StringContent(f.Contact), "contact" },
            { new StringContent(f.Email ?? ""), "email" },
            { new StringContent(f.Grounds), "grounds" },
            { new StringContent(token ?? ""), "formToken" },
            { new StringContent(f.Website ?? ""), "website" },
        };
        if (file is { } x)
        {
            var content = new ByteArrayContent(x.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", x.Name);
        }
        return await client.PostAsync($"/api/v1/notices/{noticeId}/objections", form);
    }
}
