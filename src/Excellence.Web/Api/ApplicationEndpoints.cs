using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>/api/v1/applications: the same use cases as the pages. ETag is the version; PUT needs If-Match.</summary>
public sealed class ApplicationEndpoints : IApiEndpoints
{
    public sealed record CreateRequest(int Year, Category Category);
    public sealed record WithdrawRequest(string? Reason);
    public sealed record RecommendationRequest(RecommendationDecision? Decision, string? Opinion);

    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/applications").WithTags("Applications");
        g.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithSummary("Applications the caller may see, filtered, sorted and paged");
        g.MapPost("", Create).RequireAuthorization(Policies.Applicant).WithSummary("Start a draft: { year, category }");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithSummary("One application (ETag = version)");
        g.MapPut("/{id:guid}", Put).RequireAuthorization(Policies.Applicant).WithSummary("Save the draft (If-Match required; 412 when stale)");
        g.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.Applicant).WithSummary("Submit before the deadline");
        g.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.Applicant).WithSummary("Withdraw with a reason, until approval");
        g.MapPost("/{id:guid}/evidence", Upload).RequireAuthorization(Policies.Applicant)
            .WithSummary("Upload an evidence file (multipart, field 'file'): PDF, DOCX, XLSX, JPG or PNG, recognised by content");
        g.MapGet("/{id:guid}/evidence/{fileId:guid}", Download).RequireAuthorization(Policies.SignedIn).WithSummary("Download an evidence file");
        g.MapDelete("/{id:guid}/evidence/{fileId:guid}", DeleteFile).RequireAuthorization(Policies.Applicant).WithSummary("Remove an evidence file from a draft");
        g.MapPost("/{id:guid}/nominee/photo", UploadNomineePhoto).RequireAuthorization(Policies.Applicant)
            .WithSummary("The nominee's photo (multipart, field 'file'; JPEG or PNG, re-encoded without metadata)");
        g.MapGet("/{id:guid}/nominee/photo", NomineePhoto).RequireAuthorization(Policies.SignedIn).WithSummary("The nominee's photo");
        g.MapPost("/{id:guid}/recommendation", Recommend).RequireAuthorization(Policies.Recommender)
            .WithSummary("The named recommender recommends or returns: { decision, opinion }");
        g.MapGet("/{id:guid}/form.pdf", FormPdf).RequireAuthorization(Policies.SignedIn).WithSummary("The filled form as a printable A4 PDF (resident ID masked)");
        g.MapGet("/{id:guid}/paper.pdf", PaperPdf).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The paper copy to bind: the form, then a page per evidence file (pictures printed; PDFs named, printed after it)");
        g.MapGet("/{id:guid}/form.docx", FormDocx).RequireAuthorization(Policies.SignedIn).WithSummary("The filled form as a Word document (resident ID masked)");
    }

    private static async Task<IResult> PaperPdf(Guid id, HttpContext http, PaperCopy.Handler paper, StringCatalog catalog)
    {
        var outcome = await paper.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return Outcome<int>.NotFound().ToResult(http);
        var (a, bytes) = outcome.Value;
        if (bytes is null) return Results.Problem(statusCode: 503, title: catalog.Text(Infrastructure.Documents.CjkFont.MissingKey, CultureInfo.CurrentUICulture));
        return Results.File(bytes, "application/pdf", Infrastructure.Documents.ApplicationFormContent.FileName(a, "pdf").Replace("application-", "paper-copy-"));
    }

    private static async Task<IResult> FormDocx(Guid id, HttpContext http, GetApplication.Handler get, StringCatalog catalog)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var bytes = new Infrastructure.Documents.ApplicationFormDocx(catalog).Render(outcome.Value!.Application);
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Infrastructure.Documents.ApplicationFormContent.FileName(outcome.Value.Application, "docx"));
    }

    private static async Task<IResult> FormPdf(Guid id, HttpContext http, GetApplication.Handler get, DownloadPhoto.Handler photos, StringCatalog catalog)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var photo = outcome.Value!.Application.Nominee?.PhotoSha256 is null ? null : await photos.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        await using var picture = photo is { IsOk: true } ? photo.Value : null;
        var bytes = new Infrastructure.Documents.ApplicationFormPdf(catalog).Render(outcome.Value!.Application, photo: picture is null ? null : () => picture);
        if (bytes is null) return Results.Problem(statusCode: 503, title: catalog.Text(Infrastructure.Documents.CjkFont.MissingKey, CultureInfo.CurrentUICulture));
        return Results.File(bytes, "application/pdf", Infrastructure.Documents.ApplicationFormContent.FileName(outcome.Value.Application, "pdf"));
    }

    private static async Task<IResult> List([AsParameters] ListQuery query, HttpContext http, ListApplications.Handler handler)
    {
        var result = await handler.HandleAsync(http.RequiredActor(), query.ToQuery(), http.RequestAborted);
        return Results.Ok(new ListPage<ListApplications.Row>(result.Items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> Create(CreateRequest request, HttpContext http, CreateDraft.Handler create, GetApplication.Handler get)
    {
        var outcome = await create.HandleAsync(http.RequiredActor(), new CreateDraft.Command(request.Year, request.Category), http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = await get.HandleAsync(http.RequiredActor(), outcome.Value, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Application.Version,
            Results.Created($"/api/v1/applications/{outcome.Value}", v.Application)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, GetApplication.Handler get)
    {
        var outcome = await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Application.Version, Results.Ok(v.Application)));
    }

    private static async Task<IResult> Put(Guid id, ApplicationForm form, HttpContext http, SaveDraft.Handler save, GetApplication.Handler get)
    {
        var expected = ETags.IfMatch(http) ?? form.Version;
        if (expected is null) return ETags.PreconditionRequired(http);
        var actor = http.RequiredActor();
        var outcome = await save.HandleAsync(actor, new SaveDraft.Command(id, expected.Value, form), http.RequestAborted);
        if (outcome.Kind == OutcomeKind.Stale) return await StaleAsync(http, get, actor, id, form);
        if (!outcome.IsOk) return outcome.ToResult(http);
        var view = await get.HandleAsync(actor, id, http.RequestAborted);
        return view.ToResult(http, v => ETags.With(http, v.Application.Version, Results.Ok(v.Application)));
    }

    /// <summary>412 that says what changed: the fields where the stored draft differs from what was sent, and its version.</summary>
    private static async Task<IResult> StaleAsync(HttpContext http, GetApplication.Handler get, Actor actor, Guid id, ApplicationForm sent)
    {
        var catalog = http.RequestServices.GetRequiredService<StringCatalog>();
        var view = await get.HandleAsync(actor, id, http.RequestAborted);
        var extensions = new Dictionary<string, object?>();
        if (view.IsOk)
        {
            extensions["currentVersion"] = view.Value!.Application.Version;
            extensions["changed"] = ApplicationShape.Differences(view.Value.Application, sent);
            extensions["updatedAt"] = view.Value.Application.UpdatedAt;
        }
        return Results.Problem(statusCode: 412, title: catalog.Text("Validation.Stale", CultureInfo.CurrentUICulture), extensions: extensions);
    }

    private static async Task<IResult> Submit(Guid id, HttpContext http, SubmitApplication.Handler submit)
    {
        var outcome = await submit.HandleAsync(http.RequiredActor(), new SubmitApplication.Command(id, ETags.IfMatch(http)), http.RequestAborted);
        return outcome.ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
    }

    private static async Task<IResult> Withdraw(Guid id, WithdrawRequest request, HttpContext http, WithdrawApplication.Handler withdraw)
    {
        var outcome = await withdraw.HandleAsync(http.RequiredActor(), new WithdrawApplication.Command(id, request.Reason), http.RequestAborted);
        return outcome.ToResult(http, stage => Results.Ok(new { stage }));
    }

    private static async Task<IResult> Recommend(Guid id, RecommendationRequest request, HttpContext http, RecommendApplication.Handler recommend)
    {
        var outcome = await recommend.HandleAsync(http.RequiredActor(), new RecommendApplication.Command(id, request.Decision, request.Opinion), http.RequestAborted);
        return outcome.ToResult(http, stage => Results.Ok(new { stage }));
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest request, UploadEvidence.Handler upload)
    {
        var http = request.HttpContext;
        if (!request.HasFormContentType || (await request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file") is not { } file)
            return Outcome<EvidenceView>.Invalid("file", "Validation.Required").ToResult(http);
        await using var content = file.OpenReadStream();
        var outcome = await upload.HandleAsync(http.RequiredActor(), new UploadEvidence.Command(id, file.FileName, content), http.RequestAborted);
        return outcome.ToResult(http, v => Results.Created($"/api/v1/applications/{id}/evidence/{v.Id}", v));
    }

    /// <summary>
    /// Always an attachment, never sniffed. (A per-response "sandbox" CSP is not possible yet: the site-wide
    /// security-headers middleware replaces the header; it would need a named endpoint policy.)
    /// </summary>
    private static async Task<IResult> Download(Guid id, Guid fileId, HttpContext http, DownloadEvidence.Handler download)
    {
        var outcome = await download.HandleAsync(http.RequiredActor(), id, fileId, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var f = outcome.Value!;
        return Results.File(f.Content, f.Evidence.ContentType, f.Evidence.FileName);
    }

    private static async Task<IResult> UploadNomineePhoto(Guid id, HttpRequest request, UploadPhoto.Handler upload)
    {
        var http = request.HttpContext;
        if (!request.HasFormContentType || (await request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file") is not { } file)
            return Outcome<string>.Invalid("photo", "Validation.Required").ToResult(http);
        await using var content = file.OpenReadStream();
        var outcome = await upload.HandleAsync(http.RequiredActor(), new UploadPhoto.Command(id, content), http.RequestAborted);
        return outcome.ToResult(http, sha => Results.Ok(new { sha256 = sha }));
    }

    private static async Task<IResult> NomineePhoto(Guid id, HttpContext http, DownloadPhoto.Handler download)
    {
        var outcome = await download.HandleAsync(http.RequiredActor(), id, http.RequestAborted);
        if (!outcome.IsOk) return outcome.ToResult(http);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(outcome.Value!, "image/jpeg", "photo.jpg");
    }

    private static async Task<IResult> DeleteFile(Guid id, Guid fileId, HttpContext http, DeleteEvidence.Handler delete)
    {
        var outcome = await delete.HandleAsync(http.RequiredActor(), id, fileId, http.RequestAborted);
        return outcome.ToResult(http, _ => Results.NoContent());
    }

    private static int? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public sealed class ListQuery
    {
        public int? Year { get; set; }
        public Category? Category { get; set; }
        public Stage? Stage { get; set; }
        public Guid? Recommender { get; set; }
        public string? District { get; set; }
        public Industry? Industry { get; set; }
        public string? Sector { get; set; }
        public OrganizationScale? Scale { get; set; }
        public ListApplications.PathFilter? Path { get; set; }
        public string? Q { get; set; }
        public string? Sort { get; set; }
        public int? Page { get; set; }
        public int? PageSize { get; set; }

        public ListApplications.Query ToQuery() => new()
        {
            Year = Year, Category = Category, Stage = Stage, Recommender = Recommender, District = District, Industry = Industry,
            Sector = Sector, Scale = Scale, Path = Path, Q = Q, Sort = Sort, Page = Page, PageSize = PageSize,
        };
    }
}
