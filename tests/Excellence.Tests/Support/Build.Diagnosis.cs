using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Diagnosis;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    /// <summary>Every question answered with one band (the veto "no").</summary>
    public static Dictionary<string, string> DiagnosisAnswers(string band = "C") =>
        DefaultIndicatorSystem.Create().AllIndicators.ToDictionary(q => q.Code,
            q => q.Scale == AnswerScale.YesNoVeto ? Answers.No : band);

    /// <summary>A submitted diagnosis of the organisation on the current version, written straight to the database.</summary>
    public async Task<Diagnosis> SubmittedDiagnosis(Organization organization, Dictionary<string, string>? answers = null, DateTime? at = null)
    {
        var when = at ?? App.Clock.GetUtcNow().UtcDateTime;
        Diagnosis diagnosis = null!;
        await App.WithDb(async db =>
        {
            var system = (await DiagnosisQueries.CurrentSystem(db))!;
            diagnosis = new Diagnosis
            {
                OrganizationId = organization.Id, IndicatorSystemId = system.Id, SystemNumber = system.Number,
                Answers = answers ?? DiagnosisAnswers(), CreatedAt = when, UpdatedAt = when,
            };
            Assert.Empty(diagnosis.Submit(system.Definition, true, organization, when));
            db.Diagnoses.Add(diagnosis);
            await db.SaveChangesAsync();
        });
        return diagnosis;
    }
}
