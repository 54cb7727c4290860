using System.Net;
using MiniExcelLibs;
using Excellence.Tests.Support;
using Excellence.Web.Domain;

namespace Excellence.Tests.Pages;

public class DiagnosisAnalyticsTests
{
    [Fact]
    public async Task The_analytics_count_per_month_and_level_and_export_to_excel()
    {
        using var app = new AppFactory();
        var build = new Build(app);
        var may = new DateTime(2026, 5, 10, 2, 0, 0, DateTimeKind.Utc);
        await build.SubmittedDiagnosis(await build.Organization(), Build.DiagnosisAnswers("C"), may);
        await build.SubmittedDiagnosis(await build.Organization(o => o.Industry = Industry.Services), Build.DiagnosisAnswers("D"), may.AddDays(30));
        await build.SubmittedDiagnosis(await build.Organization(o => o.Industry = Industry.Services), Build.DiagnosisAnswers("A"), may.AddDays(31));

        var client = await app.SignedIn(await build.Secretariat());
        var html = await client.Html("/Secretariat/Diagnosis/Analytics");
        Assert.Contains("<strong id=\"analytics-count\">3</strong>", html);
        Assert.Contains("<tr><th>D1 战略与领导</th><td>41.7</td></tr>", html); // (50 + 75 + 0) / 3

        var export = await client.GetAsync("/Secretariat/Diagnosis/Analytics?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var months = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "每月提交数").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([("2026-05", 1.0), ("2026-06", 2.0)], months.Select(r => ((string)r["月份"], Convert.ToDouble(r["诊断数"]))));
        var industries = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "按行业的等级分布").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["分组", "L1", "L2", "L3", "L4", "L5", "诊断数"], industries[0].Keys);
        Assert.Equal(3.0, industries.Sum(r => Convert.ToDouble(r["诊断数"])));
    }

    [Fact]
    public async Task An_applicant_cannot_open_the_analytics()
    {
        using var app = new AppFactory();
        var client = await app.SignedIn(await new Build(app).Applicant());
        var response = await client.GetAsync("/Secretariat/Diagnosis/Analytics?handler=Export");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }
}
