using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Excellence.Web.Domain;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Infrastructure.Localization;

/// <summary>
/// All user-facing text lives in Resources/Strings/*.json, one file per area, each key carrying its
/// zh-CN and en text side by side: <c>{ "Home.Title": { "zh-CN": "…", "en": "…" } }</c>.
/// zh-CN is the default; any English culture gets en.
/// </summary>
public sealed class StringCatalog
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public FrozenDictionary<string, FrozenDictionary<string, string>> Entries { get; }

    public StringCatalog()
    {
        var entries = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        var assembly = typeof(StringCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Strings.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                       ?? throw new InvalidOperationException($"Empty resource file {name}");
            foreach (var (key, texts) in file)
            {
                if (!entries.TryAdd(key, texts.ToFrozenDictionary()))
                    throw new InvalidOperationException($"The string key '{key}' is defined twice (second time in {name}).");
            }
        }
        Entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static string LanguageOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : Chinese;

    public string? Find(string key, string language) =>
        Entries.TryGetValue(key, out var texts) && texts.TryGetValue(language, out var text) ? text : null;

    public string Text(string key, CultureInfo culture, params object[] args)
    {
        var text = Find(key, LanguageOf(culture)) ?? Find(key, Chinese);
        if (text is null) return key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>A domain problem in the given culture; arguments that are themselves keys are translated too.</summary>
    public string Text(Problem problem, CultureInfo culture) =>
        Text(problem.Key, culture, problem.Args.Select(a => a is Problem p ? Text(p, culture) : a).ToArray());
}

public sealed class JsonStringLocalizer(StringCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name] => Get(name, []);
    public LocalizedString this[string name, params object[] arguments] => Get(name, arguments);

    private LocalizedString Get(string name, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        var found = catalog.Find(name, StringCatalog.LanguageOf(culture)) is not null || catalog.Find(name, StringCatalog.Chinese) is not null;
        return new LocalizedString(name, catalog.Text(name, culture, arguments), resourceNotFound: !found);
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Entries.Keys.Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory(StringCatalog catalog) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer localizer = new(catalog);
    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}

/// <summary>The one marker type views and features inject: <c>IStringLocalizer&lt;Strings&gt;</c>.</summary>
public sealed class Strings;
