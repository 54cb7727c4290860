using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Api;

/// <summary>GET /api/v1/reference: every option list of the forms with its labels in both languages.</summary>
public sealed class ReferenceEndpoints : IApiEndpoints
{
    /// <summary>One option: its code (what the API reads and writes) and its labels. Sector groups list their sectors.</summary>
    public sealed record ReferenceItem(string Code, string Zh, string En,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sectors = null);

    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/reference", (StringCatalog catalog) => TypedResults.Ok(Lists(catalog)))
            .AllowAnonymous()
            .WithTags("Reference")
            .WithName("GetReference")
            .WithSummary("Every option list of the forms, with Chinese and English labels")
            .WithDescription("""
                An object keyed by the camelCase list name (`organizationNature`, `marketEntityType`, `industry`, `sector`,
                `sectorGroup`, `organizationScale`, `politicalStatus`, `gender`, `district`, `recommenderKind`, `category`,
                `level`, `stage`); each value is the list in display order, each item `{ code, zh, en }`.
                Items of `sectorGroup` also carry `sectors`, the codes of the sectors in that group.
                The codes are the values the rest of the API reads and writes.
                """);

    public static Dictionary<string, IReadOnlyList<ReferenceItem>> Lists(StringCatalog catalog)
    {
        var groups = Reference.SectorGroups.ToDictionary(g => g.Code, g => g.Sectors, StringComparer.Ordinal);
        return Reference.Lists.ToDictionary(
            list => JsonNamingPolicy.CamelCase.ConvertName(list.Key),
            list => (IReadOnlyList<ReferenceItem>)list.Value.Select(code =>
            {
                var key = Reference.Key(list.Key, code);
                return new ReferenceItem(code, Label(catalog, key, StringCatalog.Chinese), Label(catalog, key, StringCatalog.English),
                    list.Key == "SectorGroup" ? groups[code] : null);
            }).ToList());
    }

    private static string Label(StringCatalog catalog, string key, string language) =>
        catalog.Find(key, language) ?? throw new InvalidOperationException($"The label {key} has no {language} text.");
}
