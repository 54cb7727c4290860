using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Excellence.Web.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: what the API is, how to authenticate (a bearer token from
/// POST /api/v1/auth/token), and for every endpoint that needs a signed-in caller the 401/403 problem
/// responses and the security requirement, derived from the endpoint's own authorization metadata.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "ProblemDetails";

    /// <summary>Tag → description, in the order the reference page shows them; areas add theirs here.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Auth"] = "Bearer tokens for clients other than the browser.",
        ["Account"] = "The signed-in account.",
        ["Reference"] = "The option lists of the forms (codes and labels).",
        ["Health"] = "Liveness and database reachability, for monitoring.",
        ["Audit"] = "The tamper-evident audit log.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "卓越管理创新成果评价平台 API",
                Version = "v1",
                Description = """
                    The JSON API of the Excellence Management Innovation Achievement evaluation platform of the
                    Shanghai Association for Quality. Base path `/api/v1`; camelCase JSON; enums as their code names
                    (see `GET /api/v1/reference`); errors are RFC 9457 problem details (`application/problem+json`)
                    with messages in the request's `Accept-Language` (zh-CN by default, en).
                    Authenticate with `POST /api/v1/auth/token` and send `Authorization: Bearer <accessToken>`.
                    Browser calls that ride on the sign-in cookie must send the antiforgery token in `X-CSRF-TOKEN`
                    with every POST, PUT, PATCH or DELETE.
                    """,
            };
            // The public address, not whatever Host the request came in on behind the proxy.
            var publicBaseUrl = context.ApplicationServices
                .GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Hosting.ExcellenceOptions>>().Value.PublicBaseUrl;
            document.Servers = [new OpenApiServer { Url = publicBaseUrl.TrimEnd('/') }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken answered by POST /api/v1/auth/token (valid 8 hours).",
            };
            var used = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).ToHashSet() ?? [];
            document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Keys.Concat(used.Where(u => u is not null).Select(u => u!)).Distinct()
                .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));
            return Task.CompletedTask;
        });

        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var document = context.Document!;
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!document.Components.Schemas.ContainsKey(ProblemSchema))
                document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            operation.Responses ??= new OpenApiResponses();

            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[AuthorizationExtension] = new JsonNodeExtension(new JsonArray(Callers(metadata).Select(c => (JsonNode)c!).ToArray()));
            if (!anonymous)
            {
                AddProblem(operation, document, "401", "Not signed in, or the bearer token is missing or expired.");
                AddProblem(operation, document, "403", "Signed in without the role this endpoint needs.");
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            }
            var method = context.Description.HttpMethod ?? "GET";
            if (method is not ("GET" or "HEAD"))
                AddProblem(operation, document, "400", "The request is malformed, fails validation (an `errors` object keyed by field), or a cookie-authenticated call lacks X-CSRF-TOKEN.");
        });
    }

    /// <summary>
    /// Who may call an endpoint, from its own metadata: "Anonymous", or the policies and roles it requires
    /// ("SignedIn" when it names none and the fallback policy applies).
    /// </summary>
    public static IReadOnlyList<string> Callers(IEnumerable<object> metadata)
    {
        var list = metadata.ToList();
        if (list.OfType<IAllowAnonymous>().Any()) return [Anonymous];
        var named = list.OfType<IAuthorizeData>()
            .SelectMany(a => (a.Policy is null ? [] : new[] { a.Policy }).Concat(a.Roles?.Split(',', StringSplitOptions.TrimEntries) ?? []))
            .Distinct().ToList();
        return named.Count == 0 ? [Infrastructure.Auth.Policies.SignedIn] : named;
    }

    public const string Anonymous = nameof(Anonymous);
    public const string AuthorizationExtension = "x-authorization";

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }
}
