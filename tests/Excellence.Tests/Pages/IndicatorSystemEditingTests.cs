using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
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

    private const string Systems = "/Secretariat/Diagnosis/IndicatorSystems";

    /// <summary>The lines of the page's "what stops publishing" list.</summary>
    private static List<string> Problems(string html)
    {
        var list = Regex.Match(html, "id=\"system-problems\"><ul class=\"mb-0\">(.*?)</ul>", RegexOptions.Singleline);
        return list.Success
            ? Regex.Matches(list.Groups[1].Value, "<li>(.*?)</li>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList()
            : [];
    }

    private static async Task<(string EditPath, Guid Id)> CopyIntoDraft(HttpClient client)
    {
        var copy = await client.PostForm(Systems, new { }, Systems + "?handler=Copy");
        Assert.Equal(HttpStatusCode.Redirect, copy.StatusCode);
        var editPath = copy.Headers.Location!.OriginalString;
        return (editPath, Guid.Parse(editPath.Split('/')[^1]));
    }

    private static Task<IndicatorDefinition> Stored(AppFactory app, Guid id) =>
        app.WithDb(async (db, _) => (await db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == id)).Definition);

    [Fact]
    public async Task The_secretariat_adds_and_removes_questions_and_dimensions_in_a_draft_without_losing_what_was_typed()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var client = await app.SignedIn(await build.Secretariat());
        var (editPath, draftId) = await CopyIntoDraft(client);
        var form = await client.Html(editPath);
        Assert.Contains("formaction=\"" + editPath + "?dimension=2&amp;handler=AddIndicator#dimension-2-end\"", form);
        Assert.Contains("formaction=\"" + editPath + "?dimension=1&amp;indicator=3&amp;handler=RemoveIndicator#dimension-1\"", form);
        Assert.Contains("data-confirm=\"删除题目 2.4？未保存的修改会一并保存。\"", form);
        Assert.Contains("data-confirm=\"删除维度 D4 及其 5 个题目？未保存的修改会一并保存。\"", form);

        // Add a question to D3 while an unsaved name change is in the form.
        var def = DefaultIndicatorSystem.Create();
        def.Dimensions[0].NameZh = "战略与领导力";
        var added = await client.PostForm(editPath, Fields(def, 0), editPath + "?handler=AddIndicator&dimension=2");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Definition.Dimensions[2].Indicators[5].Code\" value=\"3.6\"", html);
        Assert.Contains("name=\"Definition.Dimensions[0].NameZh\" value=\"战略与领导力\"", html);
        Assert.Equal(["dimensions[2].indicators[5].text: 此项为必填项", "dimensions[2].indicators[5].weight: 权重须大于 0"], Problems(html));
        var stored = await Stored(app, draftId);
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], stored.Dimensions[2].Indicators.Select(q => q.Code));
        Assert.Equal("战略与领导力", stored.Dimensions[0].NameZh);

        // Fill the new question in and remove 2.4 in the same post.
        stored.Find("3.6")!.Text = "创新成果转化";
        stored.Find("3.6")!.Weight = 1;
        var removed = await client.PostForm(editPath, Fields(stored, 1), editPath + "?handler=RemoveIndicator&dimension=1&indicator=3");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(Problems(await removed.Content.ReadAsStringAsync()));
        stored = await Stored(app, draftId);
        Assert.Equal(["2.1", "2.2", "2.3", "2.5"], stored.Dimensions[1].Indicators.Select(q => q.Code));
        Assert.Equal(("创新成果转化", 1m), (stored.Find("3.6")!.Text, stored.Find("3.6")!.Weight));

        // Add a dimension: the list now says what it still needs.
        var withDimension = await client.PostForm(editPath, Fields(stored, 2), editPath + "?handler=AddDimension");
        Assert.Equal(["dimensions[8].nameZh: 此项为必填项", "dimensions[8].weight: 权重须大于 0",
            "dimensions[8].indicators[0].text: 此项为必填项", "dimensions[8].indicators[0].weight: 权重须大于 0"],
            Problems(await withDimension.Content.ReadAsStringAsync()));

        // Complete it and save with the ordinary button.
        stored = await Stored(app, draftId);
        var d9 = stored.Dimensions[8];
        (d9.NameZh, d9.NameEn, d9.Weight) = ("数据治理", "Data governance", 4);
        (d9.Indicators[0].Text, d9.Indicators[0].Weight) = ("数据资产管理", 2);
        stored.Dimensions[0].Weight = 8;
        var saved = await client.PostForm(editPath, Fields(stored, 3));
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Contains("草稿已保存", savedHtml);
        Assert.Empty(Problems(savedHtml));

        await app.WithDb(async db =>
        {
            var draft = await db.IndicatorSystems.SingleAsync(s => s.Id == draftId);
            Assert.Equal((IndicatorSystemStatus.Draft, 4), (draft.Status, draft.Version));
            Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9"], draft.Definition.Dimensions.Select(d => d.Code));
            var expected = DefaultIndicatorSystem.Create().AllIndicators.Select(q => q.Code).Where(c => c != "2.4").ToList();
            expected.Insert(expected.IndexOf("3.5") + 1, "3.6");
            expected.Add("9.1");
            Assert.Equal(expected, draft.Definition.AllIndicators.Select(q => q.Code));
            Assert.Equal((AnswerScale.M5, Frame.Operation), (draft.Definition.Find("9.1")!.Scale, draft.Definition.Find("9.1")!.Frame));
            Assert.Empty(draft.Definition.Validate());
            Assert.Equal(4, await db.AuditEvents.CountAsync(a => a.Action == "Diagnosis.SystemEdited"));
            // The published version 1 is untouched.
            Assert.Equal(40, (await db.IndicatorSystems.SingleAsync(s => s.Number == 1)).Definition.AllIndicators.Count());
        });

        // Removing a whole dimension after confirming.
        var noD9 = await client.PostForm(editPath, Fields(await Stored(app, draftId), 4), editPath + "?handler=RemoveDimension&dimension=8");
        Assert.Equal(["dimensions: 维度权重之和须为 100（当前 96）"], Problems(await noD9.Content.ReadAsStringAsync()));
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"], (await Stored(app, draftId)).Dimensions.Select(d => d.Code));
    }

    [Theory]
    [InlineData("AddDimension")]
    [InlineData("RemoveDimension&dimension=0")]
    [InlineData("AddIndicator&dimension=0")]
    [InlineData("RemoveIndicator&dimension=0&indicator=0")]
    public async Task A_published_version_refuses_adding_and_removing_with_409_and_stays_unchanged(string handler)
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var client = await app.SignedIn(await build.Secretariat());
        var v1 = await app.WithDb(async (db, _) => await db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Number == 1));
        var path = $"{Systems}/Edit/{v1.Id}";

        var response = await client.PostForm(Systems, Fields(v1.Definition, v1.Version), $"{path}?handler={handler}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["已发布的版本不能修改"], Problems(await response.Content.ReadAsStringAsync()));
        await app.WithDb(async db =>
        {
            var after = await db.IndicatorSystems.SingleAsync(s => s.Number == 1);
            Assert.Equal((v1.Version, 8, 40), (after.Version, after.Definition.Dimensions.Count, after.Definition.AllIndicators.Count()));
            Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.Action == "Diagnosis.SystemEdited"));
        });
    }

    [Fact]
    public async Task A_stale_form_adds_nothing_and_answers_412()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var client = await app.SignedIn(await build.Secretariat());
        var (editPath, draftId) = await CopyIntoDraft(client);
        await client.PostForm(editPath, Fields(DefaultIndicatorSystem.Create(), 0));  // version 0 → 1

        var response = await client.PostForm(editPath, Fields(DefaultIndicatorSystem.Create(), 0), editPath + "?handler=AddDimension");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var stored = await app.WithDb(async (db, _) => await db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == draftId));
        Assert.Equal((1, 8), (stored.Version, stored.Definition.Dimensions.Count));
    }

    [Fact]
    public async Task Applicants_cannot_add_or_remove_anything_in_a_draft()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var secretariat = await app.SignedIn(await build.Secretariat());
        var (editPath, draftId) = await CopyIntoDraft(secretariat);
        var applicant = await app.SignedIn(await build.Applicant());

        foreach (var handler in new[] { "AddDimension", "RemoveDimension&dimension=0", "AddIndicator&dimension=0", "RemoveIndicator&dimension=0&indicator=0" })
        {
            var response = await applicant.PostForm("/", Fields(DefaultIndicatorSystem.Create(), 0), $"{editPath}?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
        await app.WithDb(async db =>
        {
            var draft = await db.IndicatorSystems.SingleAsync(s => s.Id == draftId);
            Assert.Equal((0, 8, 40), (draft.Version, draft.Definition.Dimensions.Count, draft.Definition.AllIndicators.Count()));
        });
    }
}
