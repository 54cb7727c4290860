using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Flows;

public class DiagnosisToApplicationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_report_starts_a_draft_in_the_suggested_category_with_the_organisation_prefilled()
    {
        var build = new Build(app);
        await build.Round(2026);
        var org = await build.Organization();
        var user = await build.Applicant(org);
        var diagnosis = await build.SubmittedDiagnosis(org, Build.DiagnosisAnswers("E"));
        var client = await app.SignedIn(user);

        var report = await client.Html($"/Organization/Diagnosis/Report/{diagnosis.Id}");
        Assert.Contains("data-start-application", report);
        Assert.Contains("name=\"Category\" value=\"OrganizationModel\"", report);

        var response = await client.PostForm($"/Organization/Diagnosis/Report/{diagnosis.Id}",
            new { Category = "OrganizationModel", FromDiagnosis = diagnosis.Id }, "/Organization/Applications?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var drafts = await app.WithDb((db, _) => db.Applications.Where(a => a.OrganizationId == org.Id).ToListAsync());
        var draft = Assert.Single(drafts);
        Assert.Equal(Category.OrganizationModel, draft.Category);
        Assert.Equal(Stage.Draft, draft.Stage);
        Assert.Equal($"/Organization/Applications/{draft.Id}", response.Headers.Location!.OriginalString);
        Assert.Contains(org.Name, await client.Html(response.Headers.Location.OriginalString));
    }
}
