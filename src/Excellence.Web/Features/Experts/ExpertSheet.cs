using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Features.Experts;

/// <summary>
/// The expert workbook (专家库导入模板), the same for import and export, headers in Chinese:
/// 姓名、电子邮件、工作单位、统一社会信用代码、所属集团、集团统一社会信用代码、职称/职务、联系电话、评审类别、行业、产业、
/// 关联关系、在库、备注. Lists are separated by "、" (or ";"); category, industry and sector cells take the Chinese
/// label, the English label or the code. 关联关系 holds one tie per line (or separated by ";"), its parts separated
/// by "|": 单位名称|统一社会信用代码|类型（任职/咨询/辅导/其他）|起始年份|截止年份（空 = 至今）. 在库 is 是/否. A masked
/// phone (138****8000, as exported) keeps the number on file.
/// </summary>
public static class ExpertSheet
{
    public static readonly string[] Headers =
        ["姓名", "电子邮件", "工作单位", "统一社会信用代码", "所属集团", "集团统一社会信用代码", "职称/职务", "联系电话", "评审类别", "行业", "产业", "关联关系", "在库", "备注"];

    private static readonly Dictionary<AffiliationKind, string> KindNames = new()
    {
        [AffiliationKind.Employment] = "任职", [AffiliationKind.Consulting] = "咨询", [AffiliationKind.Coaching] = "辅导", [AffiliationKind.Other] = "其他",
    };

    public static IReadOnlyList<string> Row(Expert e, StringCatalog catalog)
    {
        string Zh(string key) => catalog.Text(key, CultureInfo.GetCultureInfo(StringCatalog.Chinese));
        return
        [
            e.Name, e.Email, e.OrganizationName, e.OrganizationCreditCode ?? "", e.GroupName ?? "", e.GroupCreditCode ?? "", e.Title, e.PhoneMasked,
            string.Join("、", e.Categories.Select(c => Zh(Reference.Key(c)))),
            string.Join("、", e.Industries.Select(i => Zh(Reference.Key(i)))),
            string.Join("、", e.Sectors.Select(s => Zh(Reference.Key("Sector", s)))),
            FormatAffiliations(e.Affiliations),
            e.IsActive ? "是" : "否", e.Note,
        ];
    }

    /// <summary>One row of the sheet as input, with the problems of cells that are not values at all (unknown category …).</summary>
    public static (ExpertInput Input, FieldProblems Problems) Read(IDictionary<string, object?> cells, StringCatalog catalog, string prefix)
    {
        var problems = new FieldProblems();
        string Cell(string header) => cells.TryGetValue(header, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() : "";
        static string[] Items(string s) => s.Split(['、', ';', '；', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        List<T> Enums<T>(string header, string field) where T : struct, Enum
        {
            var result = new List<T>();
            foreach (var item in Items(Cell(header)))
            {
                var match = Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Matches(item, v!.Value.ToString(), Reference.Key(v.Value), catalog));
                if (match is null) problems.Add(prefix + field, "Experts.Import.UnknownValue", item);
                else result.Add(match.Value);
            }
            return result;
        }

        var sectors = new List<string>();
        foreach (var item in Items(Cell("产业")))
        {
            var code = Reference.Sectors.FirstOrDefault(s => Matches(item, s, Reference.Key("Sector", s), catalog));
            if (code is null) problems.Add(prefix + "sectors", "Experts.Import.UnknownValue", item);
            else sectors.Add(code);
        }

        var affiliations = ParseAffiliations(Cell("关联关系"), problems, prefix + "affiliations");

        var activeCell = Cell("在库");
        bool? active = activeCell switch { "" or "是" or "Y" or "y" or "yes" or "true" or "1" => true, "否" or "N" or "n" or "no" or "false" or "0" => false, _ => null };
        if (active is null) problems.Add(prefix + "isActive", "Experts.Import.UnknownValue", activeCell);

        var input = new ExpertInput(Cell("姓名"), Cell("电子邮件"), Cell("工作单位"), Cell("统一社会信用代码"), Cell("所属集团"),
            Cell("集团统一社会信用代码"), Cell("职称/职务"), Cell("联系电话"), Enums<Category>("评审类别", "categories"),
            Enums<Industry>("行业", "industries"), sectors, affiliations, active ?? true, Cell("备注"));
        return (input, problems);
    }

    /// <summary>Ties as written in the sheet or the form: one per line, "单位名称|统一社会信用代码|类型|起始年份|截止年份".</summary>
    public static List<AffiliationInput> ParseAffiliations(string? text, FieldProblems problems, string field)
    {
        text ??= "";
        var affiliations = new List<AffiliationInput>();
        foreach (var line in text.Split(['\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length < 4)
            {
                problems.Add(field, "Experts.Import.AffiliationFormat", line);
                continue;
            }
            AffiliationKind? kind = KindNames.FirstOrDefault(k => k.Value == parts[2]).Value is not null
                ? KindNames.First(k => k.Value == parts[2]).Key
                : Enum.TryParse<AffiliationKind>(parts[2], true, out var k2) ? k2 : null;
            if (kind is null) problems.Add(field, "Experts.Import.UnknownValue", parts[2]);
            int? Year(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            var from = Year(parts[3]);
            if (from is null) problems.Add(field, "Experts.Import.AffiliationFormat", line);
            var to = parts.Length > 4 && parts[4].Length > 0 ? Year(parts[4]) : null;
            if (parts.Length > 4 && parts[4].Length > 0 && to is null) problems.Add(field, "Experts.Import.AffiliationFormat", line);
            affiliations.Add(new AffiliationInput(parts[0], parts[1].Length == 0 ? null : parts[1], kind ?? AffiliationKind.Other, from ?? 0, to, null));
        }

        return affiliations;
    }

    /// <summary>The ties back as text, the same layout <see cref="ParseAffiliations"/> reads.</summary>
    public static string FormatAffiliations(IEnumerable<Affiliation> ties) =>
        string.Join("\n", ties.Select(a => string.Join("|", a.OrganizationName, a.CreditCode ?? "", KindNames[a.Kind],
            a.FromYear.ToString(CultureInfo.InvariantCulture), a.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "")));

    private static bool Matches(string item, string code, string key, StringCatalog catalog) =>
        string.Equals(item, code, StringComparison.OrdinalIgnoreCase)
        || item == catalog.Text(key, CultureInfo.GetCultureInfo(StringCatalog.Chinese))
        || string.Equals(item, catalog.Text(key, CultureInfo.GetCultureInfo(StringCatalog.English)), StringComparison.OrdinalIgnoreCase);
}
