using System.Text.RegularExpressions;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Tests.Structure;

/// <summary>Every text exists in both languages, and every key the code names literally exists.</summary>
public partial class StringResourceTests
{
    private static readonly StringCatalog Catalog = new();

    [Fact]
    public void Every_key_has_non_empty_chinese_and_english_text()
    {
        var incomplete = Catalog.Entries
            .Where(e => string.IsNullOrWhiteSpace(e.Value.GetValueOrDefault(StringCatalog.Chinese))
                        || string.IsNullOrWhiteSpace(e.Value.GetValueOrDefault(StringCatalog.English)))
            .Select(e => e.Key).Order().ToList();
        Assert.True(Catalog.Entries.Count > 100, "the catalog looks empty");
        Assert.Empty(incomplete);
    }

    [Fact]
    public void Every_key_has_only_the_two_languages()
    {
        var odd = Catalog.Entries.Where(e => e.Value.Keys.Any(k => k is not (StringCatalog.Chinese or StringCatalog.English)))
            .Select(e => e.Key).ToList();
        Assert.Empty(odd);
    }

    [Fact]
    public void Every_literal_key_used_in_views_and_code_exists()
    {
        var files = SourceTree.Files(SourceTree.Web, "*.cshtml", "*.cs").ToList();
        var used = new List<(string File, string Key)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralKey().Matches(text))
                used.Add((Path.GetRelativePath(SourceTree.Root, file), m.Groups["key"].Value));
        }
        Assert.Contains(used, u => u.Key == "App.Name"); // the scan finds what is there
        var missing = used.Where(u => !Catalog.Entries.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_reference_code_has_its_label()
    {
        var missing = Reference.Lists.SelectMany(l => l.Value.Select(code => Reference.Key(l.Key, code)))
            .Where(key => !Catalog.Entries.ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    // T["Key"], L["Key"] and Text("Key" with a plain literal; keys built from variables or concatenation are skipped.
    [GeneratedRegex("""(?:\b[TL]\[\s*|\bText\(\s*)"(?<key>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)"\s*[\],)]""")]
    private static partial Regex LiteralKey();
}
