using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Features;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>The diagnosis API (spec/api.md): the indicator system, start, answer (If-Match), submit, report.</summary>
public sealed class DiagnosisEndpoints : IApiEndpoints
{
    public sealed record AnswersBody(Dictionary<string, string?>? Answers);
    public sealed record SubmitBody(bool Truthfulness);

    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Diagnosis");
        g.MapGet("/diagnosis/indicator-system", IndicatorSystemAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("The current published indicator system");
        g.MapPost("/diagnoses", StartAsync).RequireAuthorization(Policies.Applicant).WithSummary("Start (or continue) a diagnosis");
        g.MapPut("/diagnoses/{id:guid}", SaveAsync).RequireAuthorization(Policies.Applicant).WithSummary("Save answers (If-Match)");
        g.MapPost("/diagnoses/{id:guid}/submit", SubmitAsync).RequireAuthorization(Policies.Applicant).WithSummary("Submit and score");
        g.MapGet("/diagnoses/{id:guid}/report", ReportAsync).RequireAuthorization(Policies.Applicant).WithSummary("The report");
    }

    private static async Task<IResult> IndicatorSystemAsync(AppDb db, StringCatalog catalog, CancellationToken ct)
    {
        var system = await DiagnosisQueries.CurrentSystem(db, ct);
        if (system is null) return Results.NotFound();
        var culture = CultureInfo.CurrentUICulture;
        var en = StringCatalog.LanguageOf(culture) == StringCatalog.English;
        return Results.Ok(new
        {
            version = system.Number,
            dimensions = system.Definition.Dimensions.Select(d => new
            {
                code = d.Code, name = en ? d.NameEn : d.NameZh, weight = d.Weight,
                indicators = d.Indicators.Select(q => new
                {
                    code = q.Code, text = q.Text, frame = q.Frame.ToString(), scale = q.Scale.ToString(), weight = q.Weight,
                    notApplicableAllowed = q.AllowsNotApplicable,
                    options = DiagnosisText.Options(q, catalog, culture).Select(o => new { value = o.Value, label = o.Label }),
                }),
            }),
        });
    }

    private static async Task<IResult> StartAsync(HttpContext http, StartDiagnosis.Handler handler, AppDb db, CancellationToken ct)
    {
        var outcome = await handler.Handle(http.RequiredActor(), ct);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var d = await db.Diagnoses.FindAsync([outcome.Value!.Id], ct);
        return ETags.With(http, d!.Version, Results.Created($"/api/v1/diagnoses/{d.Id}", Body(d)));
    }

    private static async Task<IResult> SaveAsync(Guid id, AnswersBody body, HttpContext http, SaveAnswers.Handler handler, CancellationToken ct)
    {
        var expected = ETags.IfMatch(http);
        var outcome = await handler.Handle(http.RequiredActor(), new SaveAnswers.Command(id, body.Answers ?? [], expected), ct);
        return outcome.ToResult(http, saved =>
        {
            return ETags.With(http, saved.Version, Results.Ok(new { version = saved.Version, savedAt = saved.SavedAt, answered = saved.Answered, total = saved.Total }));
        });
    }

    private static async Task<IResult> SubmitAsync(Guid id, SubmitBody body, HttpContext http, SubmitDiagnosis.Handler handler, CancellationToken ct)
    {
        var expected = ETags.IfMatch(http);
        var outcome = await handler.Handle(http.RequiredActor(), new SubmitDiagnosis.Command(id, body.Truthfulness, expected), ct);
        return outcome.ToResult(http, r => Results.Ok(Result(r)));
    }

    private static async Task<IResult> ReportAsync(Guid id, HttpContext http, GetReport.Handler handler, CancellationToken ct)
    {
        var outcome = await handler.Handle(http.RequiredActor(), id, ct);
        return outcome.ToResult(http, r => Results.Ok(new
        {
            id = r.Id, version = r.SystemNumber, submittedAt = r.SubmittedAt, verified = false,
            result = Result(r.Result),
            weakest = r.Weakest.Select(w => new
            {
                code = w.Code, score = w.Score,
                steps = w.Steps.Select(s => new { indicator = s.IndicatorCode, from = Answers.Bands[s.Current], to = Answers.Bands[s.Next] }),
            }),
            suggestedCategory = r.SuggestedCategory?.ToString(),
            change = r.Change is null ? null : new { previousId = r.Change.PreviousId, previousTotal = r.Change.PreviousTotal, totalDelta = r.Change.TotalDelta },
            peers = r.Peers is null ? null : new { quartile = r.Peers.Quartile },
        }));
    }


    private static object Body(Domain.Diagnosis.Diagnosis d) => new
    {
        id = d.Id, version = d.SystemNumber, status = d.Status.ToString(), answers = d.Answers, etag = d.Version,
    };

    private static object Result(DiagnosisResult r) => new
    {
        total = r.Total, level = r.Level, veto = r.Veto, vetoCapped = r.VetoCapped,
        subIndices = new { direction = r.Direction, operation = r.Operation, result = r.Result },
        dimensions = r.Dimensions.Select(d => new { code = d.Code, score = d.Score, insufficientData = d.InsufficientData }),
    };
}
