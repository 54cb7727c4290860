using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Experts;
using Excellence.Web.Features.ReviewGroups;
using Excellence.Web.Infrastructure.Auth;

namespace Excellence.Web.Api;

/// <summary>/api/v1/experts (the pool, import and export) and /api/v1/rounds/{year}/review-groups: the secretariat's.</summary>
public sealed class ExpertEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/experts").WithTags("Experts").RequireAuthorization(Policies.Secretariat);
        g.MapGet("", async ([AsParameters] ExpertQuery query, HttpContext http, ListExperts.Handler list) =>
            (await list.HandleAsync(http.RequiredActor(), query.ToQuery(), http.RequestAborted))
                .ToResult(http, r => Results.Ok(new ListPage<ListExperts.Row>(r.Items, r.Total, r.Page, r.PageSize))))
            .WithSummary("The expert pool, filtered (q, category, active) and paged");
        g.MapPost("", async (ExpertInput input, HttpContext http, SaveExpert.Handler save, GetExpert.Handler get) =>
            {
                var outcome = await save.HandleAsync(http.RequiredActor(), new SaveExpert.Command(null, null, input), http.RequestAborted);
                if (!outcome.IsOk) return outcome.ToResult(http);
                return (await get.HandleAsync(http.RequiredActor(), outcome.Value, http.RequestAborted))
                    .ToResult(http, v => ETags.With(http, v.Version, Results.Created($"/api/v1/experts/{v.Id}", v)));
            })
            .WithSummary("Add an expert to the pool (createAccount: also an Expert account, mailed a link to set its password)");
        g.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetExpert.Handler get) =>
                (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted)).ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v))))
            .WithSummary("One expert (phone masked; ETag = version)");
        g.MapPut("/{id:guid}", async (Guid id, ExpertInput input, HttpContext http, SaveExpert.Handler save, GetExpert.Handler get) =>
            {
                if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
                if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
                var outcome = await save.HandleAsync(http.RequiredActor(), new SaveExpert.Command(id, version, input), http.RequestAborted);
                if (!outcome.IsOk) return outcome.ToResult(http);
                return (await get.HandleAsync(http.RequiredActor(), id, http.RequestAborted))
                    .ToResult(http, v => ETags.With(http, v.Version, Results.Ok(v)));
            })
            .WithSummary("Change an expert (If-Match required; 412 when stale). A masked phone keeps the number on file");
        g.MapPost("/import", async (HttpRequest request, bool? createAccounts, ImportExperts.Handler import) =>
            {
                var http = request.HttpContext;
                if (!request.HasFormContentType || (await request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file") is not { } file)
                    return Outcome<ImportExperts.Result>.Invalid("file", "Validation.Required").ToResult(http);
                await using var content = file.OpenReadStream();
                return (await import.HandleAsync(http.RequiredActor(), new ImportExperts.Command(content, createAccounts ?? false), http.RequestAborted))
                    .ToResult(http);
            })
            .WithSummary("Import the expert workbook (multipart, field 'file'): all rows or none, errors per row; upsert by e-mail, else credit code + name");
        g.MapGet("/export", async ([AsParameters] ExpertQuery query, HttpContext http, ExportExperts.Handler export) =>
                (await export.HandleAsync(http.RequiredActor(), query.ToQuery(), http.RequestAborted))
                    .ToResult(http, bytes => Results.File(bytes, ExportExperts.ContentType, "experts.xlsx")))
            .WithSummary("The pool as the import workbook (.xlsx, Chinese headers, phones masked)");

        var groups = api.MapGroup("/rounds/{year:int}/review-groups").WithTags("Review groups").RequireAuthorization(Policies.Secretariat);
        groups.MapGet("", async (int year, Category? category, HttpContext http, ListReviewGroups.Handler list) =>
                (await list.HandleAsync(http.RequiredActor(), year, category, null, http.RequestAborted))
                    .ToResult(http, v => Results.Ok(new ListPage<ReviewGroupView>(v, v.Count, 1, Math.Max(1, v.Count)))))
            .WithSummary("The review groups (评审工作组) of a year");
        groups.MapGet("/{id:guid}", async (int year, Guid id, HttpContext http, ListReviewGroups.Handler list) =>
            {
                var outcome = await list.HandleAsync(http.RequiredActor(), year, null, id, http.RequestAborted);
                if (outcome.IsOk && outcome.Value!.Count == 0) return Outcome<ReviewGroupView>.NotFound().ToResult(http);
                return outcome.ToResult(http, v => ETags.With(http, v[0].Version, Results.Ok(v[0])));
            })
            .WithSummary("One review group (ETag = version)");
        groups.MapPost("", async (int year, ReviewGroupInput input, HttpContext http, SaveReviewGroup.Handler save) =>
                (await save.HandleAsync(http.RequiredActor(), new SaveReviewGroup.Command(year, null, null, input), http.RequestAborted))
                    .ToResult(http, id => Results.Created($"/api/v1/rounds/{year}/review-groups/{id}", new { id })))
            .WithSummary("Create a review group: { category, name, leaderExpertId, memberIds } (the leader must be a member)");
        groups.MapPut("/{id:guid}", async (int year, Guid id, ReviewGroupInput input, HttpContext http, SaveReviewGroup.Handler save) =>
            {
                if (!ETags.HasIfMatch(http)) return ETags.PreconditionRequired(http);
                if (ETags.IfMatch(http) is not { } version) return ETags.Unreadable(http);
                return (await save.HandleAsync(http.RequiredActor(), new SaveReviewGroup.Command(year, id, version, input), http.RequestAborted))
                    .ToResult(http, v => ETags.With(http, version + 1, Results.Ok(new { id = v })));
            })
            .WithSummary("Change a review group (If-Match required)");
        groups.MapDelete("/{id:guid}", async (int year, Guid id, HttpContext http, DeleteReviewGroup.Handler delete) =>
                (await delete.HandleAsync(http.RequiredActor(), year, id, http.RequestAborted)).ToResult(http, _ => Results.NoContent()))
            .WithSummary("Remove a review group no assignment refers to");
    }

    public sealed class ExpertQuery
    {
        public string? Q { get; set; }
        public Category? Category { get; set; }
        public bool? Active { get; set; }
        public int? Page { get; set; }
        public int? PageSize { get; set; }

        public ListExperts.Query ToQuery()
        {
            var (p, size) = ApiResults.Paging(Page, PageSize);
            return new ListExperts.Query(Q, Category, Active, p, size);
        }
    }
}
