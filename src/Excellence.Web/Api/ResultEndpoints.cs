using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Features.Results;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>
/// Publication, the public results list, the applicant's result and feedback, certificates and their public verification.
/// </summary>
public sealed class ResultEndpoints : IApiEndpoints
{
    public sealed record RevocationRequest(string? Reason);

    /// <summary>A certificate as the secretariat lists it (ETag = version, for the revocation's If-Match).</summary>
    public sealed record CertificateRow(string Number, int Year, Category Category, Level Level, string Holder, string Organization,
        DateOnly IssuedOn, DateTime? RevokedAt, string? RevocationReason, int Version, Guid ApplicationId);

    public void Map(RouteGroupBuilder api)
    {
        var results = api.MapGroup("/results").WithTags("Results");
        results.MapGet("", List).AllowAnonymous()
            .WithSummary("Published results of a year, category and level as a list page; undisclosed applicants have name null (public)");
        api.MapGet("/results.xlsx", Excel).WithTags("Results").AllowAnonymous()
            .WithSummary("The same list as an Excel workbook (public)");
        results.MapGet("/{year:int}/certificates", Certificates).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Every certificate of a year, revoked ones included");
        results.MapGet("/{year:int}/certificates.zip", Bundle).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Every standing certificate of a year, one PDF each, as a zip");
        api.MapPost("/rounds/{year:int}/publication", Publish).WithTags("Results").RequireAuthorization(Policies.Secretariat)
            .WithSummary("Publish the year's results once the notice has ended: PublicNotice → Published, certificates issued");
        api.MapGet("/applications/{id:guid}/result", Result).WithTags("Results").RequireAuthorization(Policies.SignedIn)
            .WithSummary("The applicant's level, block scores and the experts' feedback (anonymous), from publication on");

        var certificates = api.MapGroup("/certificates").WithTags("Certificates");
        certificates.MapGet("/{number}.pdf", Pdf).RequireAuthorization(Policies.SignedIn)
            .WithSummary("A certificate as a landscape A4 PDF (its organisation, the secretariat)");
        certificates.MapPost("/{number}/revocation", Revoke).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Revoke a certificate with a reason: { reason } (If-Match required)");
        certificates.MapGet("/verify/{code}", Verify).AllowAnonymous().RequireRateLimiting(ServiceSetup.VerifyRateLimit)
            .WithSummary("Is this certificate genuine? Genuine or revoked with its public facts; any miss is the same 404 (public, rate-limited: 429)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static ListResults.Query Query(int? year, Category? category, Level? level, int? page = null, int? pageSize = null)
    {
        var (p, size) = ApiResults.Paging(page, pageSize);
        return new ListResults.Query(year, category, level, p, size);
    }

    private static async Task<IResult> List(int? year, Category? category, Level? level, int? page, int? pageSize, HttpContext http, ListResults.Handler list)
    {
        var r = await list.HandleAsync(Query(year, category, level, page, pageSize), http.RequestAborted);
        return Results.Ok(new ListPage<ListResults.Row>(r.Items, r.Total, r.Page, r.PageSize));
    }

    private static async Task<IResult> Excel(int? year, Category? category, Level? level, HttpContext http, ExportResults.Handler export)
    {
        var bytes = await export.HandleAsync(Query(year, category, level), CultureInfo.CurrentUICulture, http.RequestAborted);
        return Results.File(bytes, ExportApplications.ContentType, year is { } y ? $"results-{y}.xlsx" : "results.xlsx");
    }

    private static async Task<IResult> Certificates(int year, HttpContext http, ResultsOverview.Handler overview)
    {
        var outcome = await overview.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        return outcome.ToResult(http, v =>
        {
            var rows = v.Certificates.Select(c => new CertificateRow(c.Number, v.Year, c.Category, c.Level, c.Holder, c.Organization, c.IssuedOn,
                c.RevokedAt, c.RevocationReason, c.Version, c.ApplicationId)).ToList();
            return Results.Ok(new ListPage<CertificateRow>(rows, rows.Count, 1, Math.Max(1, rows.Count)));
        });
    }

    private static async Task<IResult> Bundle(int year, HttpContext http, CertificateBundle.Handler bundle, StringCatalog catalog)
    {
        var outcome = await bundle.HandleAsync(http.RequiredActor(), year, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        if (outcome.Value!.Zip is null) return FontMissing(catalog);
        return Results.File(outcome.Value.Zip, "application/zip", outcome.Value.FileName);
    }

    private static async Task<IResult> Publish(int year, HttpContext http, PublishResults.Handler publish)
    {
        var outcome = await publish.HandleAsync(http.RequiredActor(), new PublishResults.Command(year), http.RequestAborted);
        return outcome.ToResult(http);
    }

    private static async Task<IResult> Result(Guid id, HttpContext http, GetApplicationResult.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        return outcome.ToResult(http);
    }

    private static async Task<IResult> Pdf(string number, HttpContext http, GetCertificatePdf.Handler get, StringCatalog catalog)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), number, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        if (outcome.Value!.Pdf is null) return FontMissing(catalog);
        return Results.File(outcome.Value.Pdf, "application/pdf", outcome.Value.FileName);
    }

    private static async Task<IResult> Revoke(string number, RevocationRequest request, HttpContext http, RevokeCertificate.Handler revoke)
    {
        var expected = ETags.IfMatch(http);
        if (expected is null) return ETags.PreconditionRequired(http);
        var outcome = await revoke.HandleAsync(http.RequiredActor(), new RevokeCertificate.Command(number, request.Reason, expected), http.RequestAborted);
        return outcome.ToResult(http, c => ETags.With(http, c.Version, Results.Ok(new { c.Number, c.RevokedAt, c.RevocationReason })));
    }

    private static async Task<IResult> Verify(string code, HttpContext http, VerifyCertificate.Handler verify)
    {
        var outcome = await verify.HandleAsync(code, http.RequestAborted);
        return outcome.ToResult(http);
    }

    private static IResult FontMissing(StringCatalog catalog) =>
        Results.Problem(statusCode: 503, title: catalog.Text(Infrastructure.Documents.CjkFont.MissingKey, CultureInfo.CurrentUICulture));
}
