using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;

namespace Excellence.Tests.Pages;

/// <summary>The peer quartile: shown only from ten organisations of the same industry and scale, and never a figure of theirs.</summary>
public class DiagnosisPeerPrivacyTests
{
    private static async Task<Organization> Peer(Build build) =>
        await build.Organization(o => { o.Industry = Industry.Agriculture; o.Scale = OrganizationScale.Large; });

    [Fact]
    public async Task A_group_under_ten_shows_nothing_and_the_tenth_organisation_shows_a_quartile_only()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await Peer(build);
        var user = await build.Applicant(org);
        var mine = await build.SubmittedDiagnosis(org, Build.DiagnosisAnswers("C"));
        var bands = new[] { "A", "B", "B", "D", "D", "E", "E", "B" };
        var peers = new List<Organization>();
        foreach (var band in bands)
        {
            var p = await Peer(build);
            peers.Add(p);
            await build.SubmittedDiagnosis(p, Build.DiagnosisAnswers(band));
        }
        // A second, older diagnosis of one peer must not count twice.
        await build.SubmittedDiagnosis(peers[0], Build.DiagnosisAnswers("A"), app.Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        // Other industries and scales do not count.
        await build.SubmittedDiagnosis(await build.Organization(o => { o.Industry = Industry.Agriculture; o.Scale = OrganizationScale.Medium; }));
        await build.SubmittedDiagnosis(await build.Organization(o => { o.Industry = Industry.Services; o.Scale = OrganizationScale.Large; }));

        var client = await app.SignedIn(user);
        var nine = await client.Html($"/Organization/Diagnosis/Report/{mine.Id}");
        Assert.Contains("<p id=\"peers\">同行业同规模的诊断不足 10 家，暂不显示同行比较，以免泄露其他组织的信息。</p>", nine);
        var api = await app.ApiClient(user);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await (await api.GetAsync($"/api/v1/diagnoses/{mine.Id}/report")).Json()).GetProperty("peers").ValueKind);

        await build.SubmittedDiagnosis(await Peer(build), Build.DiagnosisAnswers("C"));
        var ten = await client.Html($"/Organization/Diagnosis/Report/{mine.Id}");
        // Ten organisations: 4 above (D, D, E, E), one tie → rank 5 of 10 → second quartile.
        Assert.Contains("<p id=\"peers\">位于同行业同规模组织的 25%–50%</p>", ten);
        var report = await (await api.GetAsync($"/api/v1/diagnoses/{mine.Id}/report")).Json();
        Assert.Equal("{\"quartile\":2}", report.GetProperty("peers").GetRawText());

        // No peer's name, total or level appears anywhere in the report.
        Assert.All(peers, p => Assert.DoesNotContain(p.Name, ten));
        foreach (var total in new[] { "1.0", "25.8", "75.3", "100.0" }) Assert.DoesNotContain($">{total}<", ten);
    }
}
