using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Excellence.Web.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Excellence.Web.Pages.Api;

/// <summary>
/// The OpenAPI document read back as what a person wants to see: operations grouped by tag, each with who may
/// call it, its parameters, the shape of its request and responses, and an example curl command.
/// Built from the same document /openapi/v1.json serves, so the page cannot drift from the API.
/// </summary>
public sealed class ApiReference
{
    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);
    public sealed record Response(string Status, string? Description, string? ContentType, string? Shape);
    public sealed record Operation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<string> Callers,
        IReadOnlyList<Parameter> Parameters, string? RequestContentType, string? RequestShape, IReadOnlyList<Response> Responses, string Curl)
    {
        public string Anchor => (Method + Path).ToLowerInvariant().Replace("/", "-").Replace("{", "").Replace("}", "");
    }
    public sealed record Tag(string Name, string? Description, IReadOnlyList<Operation> Operations);

    public string Title { get; private init; } = "";
    public string Version { get; private init; } = "";
    public string? Description { get; private init; }
    public IReadOnlyList<Tag> Tags { get; private init; } = [];
    public string? ProblemShape { get; private init; }

    private static readonly string[] MethodOrder = ["get", "post", "put", "patch", "delete"];
    private const int MaxDepth = 4;

    public static async Task<ApiReference> LoadAsync(IServiceProvider services, string publicBaseUrl, CancellationToken cancellationToken)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return Parse(JsonNode.Parse(json)!.AsObject(), publicBaseUrl.TrimEnd('/'));
    }

    private static ApiReference Parse(JsonObject root, string baseUrl)
    {
        var schemas = root["components"]?["schemas"]?.AsObject();
        var operations = new List<(string Tag, Operation Op)>();
        foreach (var (path, item) in root["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, node) in item!.AsObject().Where(p => MethodOrder.Contains(p.Key)).OrderBy(p => Array.IndexOf(MethodOrder, p.Key)))
            {
                var op = node!.AsObject();
                var tag = op["tags"]?[0]?.GetValue<string>() ?? "Other";
                operations.Add((tag, ReadOperation(method.ToUpperInvariant(), path, op, schemas, baseUrl)));
            }
        }
        var tagDescriptions = (root["tags"]?.AsArray() ?? []).ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var order = OpenApiSetup.TagDescriptions.Keys.ToList();
        var tags = operations.GroupBy(o => o.Tag)
            .OrderBy(g => order.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Tag(g.Key, tagDescriptions.GetValueOrDefault(g.Key), g.Select(o => o.Op).ToList()))
            .ToList();
        return new ApiReference
        {
            Title = root["info"]?["title"]?.GetValue<string>() ?? "API",
            Version = root["info"]?["version"]?.GetValue<string>() ?? "",
            Description = root["info"]?["description"]?.GetValue<string>(),
            Tags = tags,
            ProblemShape = schemas?[OpenApiSetup.ProblemSchema] is { } problem ? Shape(problem, schemas) : null,
        };
    }

    private static Operation ReadOperation(string method, string path, JsonObject op, JsonObject? schemas, string baseUrl)
    {
        var callers = (op[OpenApiSetup.AuthorizationExtension]?.AsArray() ?? []).Select(c => c!.GetValue<string>()).ToList();
        var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => new Parameter(
            p!["name"]!.GetValue<string>(), p["in"]?.GetValue<string>() ?? "query", p["required"]?.GetValue<bool>() ?? false,
            TypeName(p["schema"], schemas), p["description"]?.GetValue<string>())).ToList();
        var (requestType, requestSchema) = FirstContent(op["requestBody"]?["content"]);
        var responses = (op["responses"]?.AsObject() ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
        {
            var (type, schema) = FirstContent(r.Value?["content"]);
            // Problem details are the same everywhere; the page explains them once instead of under every status.
            var problem = schema?["$ref"]?.GetValue<string>()?.EndsWith("/" + OpenApiSetup.ProblemSchema) == true;
            return new Response(r.Key, r.Value?["description"]?.GetValue<string>(), type, schema is null || problem ? null : Shape(schema, schemas));
        }).ToList();
        var requestShape = requestSchema is null ? null : Shape(requestSchema, schemas);
        var example = requestSchema is null ? null : Example(requestSchema, schemas, 0)?.ToJsonString();
        return new Operation(method, path, op["summary"]?.GetValue<string>(), op["description"]?.GetValue<string>(), callers, parameters,
            requestType, requestShape, responses, Curl(method, path, parameters, callers, requestType, example, baseUrl));
    }

    private static (string? ContentType, JsonNode? Schema) FirstContent(JsonNode? content) =>
        content?.AsObject().FirstOrDefault() is { Key: { } key } first ? (key, first.Value?["schema"]) : (null, null);

    private static string Curl(string method, string path, IReadOnlyList<Parameter> parameters, IReadOnlyList<string> callers,
        string? contentType, string? body, string baseUrl)
    {
        var query = string.Join("&", parameters.Where(p => p.In == "query" && p.Required).Select(p => $"{p.Name}=…"));
        var sb = new StringBuilder("curl");
        if (method != "GET") sb.Append(" -X ").Append(method);
        sb.Append(" '").Append(baseUrl).Append(path).Append(query.Length > 0 ? "?" + query : "").Append('\'');
        if (!callers.Contains(OpenApiSetup.Anonymous)) sb.Append(" \\\n  -H 'Authorization: Bearer $TOKEN'");
        sb.Append(" \\\n  -H 'Accept-Language: zh-CN'");
        if (body is not null && contentType == "application/json")
            sb.Append(" \\\n  -H 'Content-Type: application/json'").Append(" \\\n  -d '").Append(body).Append('\'');
        return sb.ToString();
    }

    /// <summary>The shape of a schema as indented pseudo-JSON: property names and their types.</summary>
    public static string Shape(JsonNode schema, JsonObject? schemas)
    {
        var sb = new StringBuilder();
        WriteShape(sb, schema, schemas, 0, []);
        return sb.ToString();
    }

    private static void WriteShape(StringBuilder sb, JsonNode? schema, JsonObject? schemas, int depth, HashSet<string> seen)
    {
        var (resolved, name) = Resolve(schema, schemas);
        if (resolved is null) { sb.Append("any"); return; }
        var type = PrimaryType(resolved);
        if (resolved["enum"] is JsonArray values)
        {
            sb.Append(string.Join(" | ", values.Select(v => JsonSerializer.Serialize(v?.GetValue<object>()?.ToString()))));
            return;
        }
        if (type == "array")
        {
            sb.Append('[');
            WriteShape(sb, resolved["items"], schemas, depth, seen);
            sb.Append(']');
            return;
        }
        if (type == "object" || resolved["properties"] is not null)
        {
            if (name is not null && (seen.Contains(name) || depth >= MaxDepth)) { sb.Append(name); return; }
            var inner = name is null ? seen : [.. seen, name];
            var properties = resolved["properties"]?.AsObject();
            if (properties is null || properties.Count == 0)
            {
                if (resolved["additionalProperties"] is JsonObject additional)
                {
                    sb.Append("{ \"<key>\": ");
                    WriteShape(sb, additional, schemas, depth + 1, inner);
                    sb.Append(" }");
                }
                else sb.Append("{ }");
                return;
            }
            var required = (resolved["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
            var pad = new string(' ', (depth + 1) * 2);
            sb.Append("{\n");
            var i = 0;
            foreach (var (prop, propSchema) in properties)
            {
                sb.Append(pad).Append('"').Append(prop).Append('"').Append(required.Contains(prop) ? "" : "?").Append(": ");
                WriteShape(sb, propSchema, schemas, depth + 1, inner);
                sb.Append(++i < properties.Count ? ",\n" : "\n");
            }
            sb.Append(new string(' ', depth * 2)).Append('}');
            return;
        }
        sb.Append(TypeName(resolved, schemas));
    }

    private static (JsonObject? Schema, string? Name) Resolve(JsonNode? schema, JsonObject? schemas)
    {
        if (schema is not JsonObject obj) return (null, null);
        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.Split('/')[^1];
            return (schemas?[name] as JsonObject, name);
        }
        return (obj, null);
    }

    private static string? PrimaryType(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t is not ("null" or "string")) ??
                          many.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue one => one.GetValue<string>(),
        _ => null,
    };

    private static string TypeName(JsonNode? schema, JsonObject? schemas)
    {
        var (resolved, name) = Resolve(schema, schemas);
        if (resolved is null) return "any";
        if (name is not null && resolved["enum"] is null) return name;
        if (resolved["enum"] is JsonArray values) return string.Join(" | ", values.Select(v => v?.ToString()));
        var type = PrimaryType(resolved) ?? "any";
        var nullable = resolved["type"] is JsonArray many && many.Any(t => t!.GetValue<string>() == "null");
        var format = resolved["format"]?.GetValue<string>();
        if (type == "array") return TypeName(resolved["items"], schemas) + "[]";
        return type + (format is null ? "" : $" ({format})") + (nullable ? " | null" : "");
    }

    /// <summary>A request body to copy: every property with a placeholder of its type.</summary>
    private static JsonNode? Example(JsonNode? schema, JsonObject? schemas, int depth)
    {
        var (resolved, _) = Resolve(schema, schemas);
        if (resolved is null || depth > MaxDepth) return null;
        if (resolved["enum"] is JsonArray values) return values.FirstOrDefault()?.DeepClone();
        switch (PrimaryType(resolved))
        {
            case "array":
                return new JsonArray(Example(resolved["items"], schemas, depth + 1));
            case "integer":
                return JsonValue.Create(0);
            case "number":
                return JsonValue.Create(0.0);
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create(resolved["format"]?.GetValue<string>() switch
                {
                    "date" => "2026-08-23",
                    "date-time" => "2026-08-23T15:00:00+08:00",
                    "uuid" => "00000000-0000-0000-0000-000000000000",
                    "email" => "name@example.com",
                    _ => "string",
                });
        }
        var result = new JsonObject();
        foreach (var (prop, propSchema) in resolved["properties"]?.AsObject() ?? []) result[prop] = Example(propSchema, schemas, depth + 1);
        return result;
    }
}
