using System.Globalization;
using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class IndicatorSystemEditingTests
{
    /// <summary>The edit form's fields for a definition, as the page names them.</summary>
    private static List<KeyValuePair<string, string>> Fields(IndicatorDefinition def, int version)
    {
        var f = new List<KeyValuePair<string, string>> { new("Version", version.ToString()) };
        void Add(string k, object? v) => f.Add(new(k, Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""));
        for (var i = 0; i < def.Dimensions.Count; i++)
        {
            var d = def.Dimensions[i];
            var p = $"Definition.Dimensions[{i}]";
            Add(p + ".Code", d.Code); Add(p + ".NameZh", d.NameZh); Add(p + ".NameEn", d.NameEn); Add(p + ".Weight", d.Weight);
            for (var j = 0; j < d.Indicators.Count; j++)
            {
                var q = d.Indicators[j];
                var qp = $"{p}.Indicators[{j}]";
                Add(qp + ".Code", q.Code); Add(qp + ".Text", q.Text); Add(qp + ".Frame", q.Frame); Add(qp + ".Scale", q.Scale); Add(qp + ".Weight", q.Weight);
                if (q.AllowsNotApplicable) Add(qp + ".AllowsNotApplicable", "true");
                for (var k = 0; k < 5; k++) Add($"{qp}.Options[{k}]", q.Options.ElementAtOrDefault(k));
            }
        }
        for (var i = 0; i < def.Levels.Count; i++)
        {
            var l = def.Levels[i];
            var p = $"Definition.Levels[{i}]";
            Add(p + ".Code", l.Code); Add(p + ".NameZh", l.NameZh); Add(p + ".NameEn", l.NameEn); Add(p + ".MinTotal", l.MinTotal); Add(p + ".MinDimension", l.MinDimension);
            if (l.RequiresNoVeto) Add(p + ".RequiresNoVeto", "true");
        }
        Add("Definition.VetoCapLevel", def.VetoCapLevel);
        return f;
    }

    [Fact]
    public async Task The_secretariat_edits_a_new_version_which_publishes_only_when_weights_sum_to_100_and_old_scores_stay()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var org = await build.Organization();
        var old = await build.SubmittedDiagnosis(org, Build.DiagnosisAnswers("D"));
        var client = await app.SignedIn(await build.Secretariat());

        var copy = await client.PostForm("/Secretariat/Diagnosis/IndicatorSystems", new { }, "/Secretariat/Diagnosis/IndicatorSystems?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, copy.StatusCode);
        var editPath = copy.Headers.Location!.OriginalString;
        var draftId = Guid.Parse(editPath.Split('/')[^1]);

        var def = DefaultIndicatorSystem.Create();
        def.Dimensions[0].Weight = 20;
        def.Dimensions[0].NameZh = "战略与领导力";
        var saved = await client.PostForm(editPath, Fields(def, 0));
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("dimensions: 维度权重之和须为 100（当前 108）", html);

        var refused = await client.PostForm("/Secretariat/Diagnosis/IndicatorSystems", new { }, $"/Secretariat/Diagnosis/IndicatorSystems?id={draftId}&handler=Publish");
        Assert.Contains("维度权重之和须为 100（当前 108）", await refused.Content.ReadAsStringAsync());
        await app.WithDb(async db => Assert.Equal(IndicatorSystemStatus.Draft, (await db.IndicatorSystems.SingleAsync(s => s.Id == draftId)).Status));

        def.Dimensions[7].Weight = 6;
        await client.PostForm(editPath, Fields(def, 1));
        var published = await client.PostForm("/Secretariat/Diagnosis/IndicatorSystems", new { }, $"/Secretariat/Diagnosis/IndicatorSystems?id={draftId}&handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await app.WithDb(async db =>
        {
            var v2 = await db.IndicatorSystems.SingleAsync(s => s.Id == draftId);
            Assert.Equal((2, IndicatorSystemStatus.Published, 20m, "战略与领导力"), (v2.Number, v2.Status, v2.Definition.Dimensions[0].Weight, v2.Definition.Dimensions[0].NameZh));
            Assert.Equal(["无企业标准", "有企业标准", "参与团体标准", "参与行业或地方标准、主导团体标准", "主导国家或国际标准"], v2.Definition.Find("2.2")!.Options);
            Assert.True(v2.Definition.Find("3.5")!.AllowsNotApplicable);
            var stored = await db.Diagnoses.SingleAsync(d => d.Id == old.Id);
            Assert.Equal((1, 75.3), (stored.SystemNumber, stored.Total));
        });

        // A new diagnosis is answered with version 2.
        var applicant = await app.ApiClient(await build.Applicant());
        var started = await (await applicant.PostAsync("/api/v1/diagnoses", null)).Json();
        Assert.Equal(2, started.GetProperty("version").GetInt32());
        Assert.Equal(2, (await (await applicant.GetAsync("/api/v1/diagnosis/indicator-system")).Json()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_published_version_cannot_be_edited()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var client = await app.SignedIn(await build.Secretariat());
        var v1 = await app.WithDb(async (db, _) => await db.IndicatorSystems.SingleAsync(s => s.Number == 1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Secretariat/Diagnosis/IndicatorSystems/Edit/{v1.Id}")).StatusCode);
        var def = DefaultIndicatorSystem.Create();
        def.Dimensions[0].NameZh = "改";
        var token = Http.AntiforgeryToken(await client.Html("/Secretariat/Diagnosis/IndicatorSystems"));
        var response = await client.PostAsync($"/Secretariat/Diagnosis/IndicatorSystems/Edit/{v1.Id}",
            new FormUrlEncodedContent(Fields(def, v1.Version).Append(new("__RequestVerificationToken", token))));
        Assert.Contains("已发布的版本不能修改", await response.Content.ReadAsStringAsync());
        await app.WithDb(async db => Assert.Equal("战略与领导", (await db.IndicatorSystems.SingleAsync(s => s.Number == 1)).Definition.Dimensions[0].NameZh));
    }
}
