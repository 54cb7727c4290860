using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Domain.Screening;

/// <summary>
/// The checklist a year starts from: the conditions of Article 5 (organisation model, single practice) or
/// Article 6 (individual experience) of the 评价办法 (沪质协〔2024〕42号), then completeness. It is year data,
/// entered in the notice's language, and the secretariat rewords, adds or removes items per year and category.
/// </summary>
public static class DefaultChecklist
{
    public const int MaxItems = 50;
    public const int MaxItemLength = 500;

    private static readonly ChecklistItem[] Article5 =
    [
        new("Article5.1", "在本市行政区域内登记注册，生产经营3年以上"),
        new("Article5.2", "符合国家和本市有关产业导向、环境保护、节能减排、安全生产、质量等法律法规及政策要求，具备相关资质或证照"),
        new("Article5.3", "质量管理工作具有行业特色、企业特点，质量工作成绩显著，持续改进效果突出"),
        new("Article5.4", "主要经济、技术和质量等指标在上年度处于本市同行业领先水平，具有良好的经营业绩、社会贡献（非营利性业务：社会贡献位于行业前列）"),
        new("Article5.5", "积极开展质量提升活动，形成活动成果，近2年内参与过本市、区两级政府相关部门或上海市质量协会组织开展的质量提升活动"),
        new("Article5.6", "认真贯彻实施《企业社会责任》等相关社会责任标准要求，积极履行社会责任，发布社会责任报告或披露ESG相关信息"),
    ];

    private static readonly ChecklistItem[] Article6 =
    [
        new("Article6.1", "热爱祖国，拥护中国共产党的领导，遵纪守法，恪守公德，践行社会主义核心价值观"),
        new("Article6.2", "在本市行政区域内登记注册组织的职工，从事质量或质量相关工作10年以上"),
        new("Article6.3", "质量意识和创新能力强，积极推广应用先进质量管理理念或方法，形成卓有成效的工作方法和经验，做出突出贡献"),
        new("Article6.4", "具有良好的社会形象，在所在组织、所在行业中有一定影响力"),
    ];

    private static readonly ChecklistItem[] Completeness =
    [
        new("Complete.Form", "申报表填写完整"),
        new("Complete.Evidence", "证实性材料齐全"),
        new("Complete.Recommendation", "推荐意见已填写（直接申报的，符合直接申报条件）"),
    ];

    public static List<ChecklistItem> For(Category category) =>
        [.. category == Category.IndividualExperience ? Article6 : Article5, .. Completeness];

    /// <summary>
    /// The edited list: rows keep their code, new rows get the next free "Item.n" code, blank rows are removed.
    /// Answers the new items or the problems (at least one item, each at most 500 characters, at most 50).
    /// </summary>
    public static (List<ChecklistItem>? Items, IReadOnlyList<FieldProblem> Problems) Edit(IEnumerable<(string? Code, string? Text)> rows)
    {
        var problems = new List<FieldProblem>();
        var items = new List<ChecklistItem>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var kept = rows.Select((r, i) => (Index: i, Code: (r.Code ?? "").Trim(), Text: (r.Text ?? "").Trim())).Where(r => r.Text.Length > 0).ToList();
        foreach (var r in kept.Where(r => r.Code.Length > 0)) used.Add(r.Code);
        var next = 1;
        foreach (var r in kept)
        {
            if (r.Text.Length > MaxItemLength) problems.Add(new FieldProblem($"items[{r.Index}].text", new Problem("Validation.TooLong", MaxItemLength)));
            var code = r.Code;
            if (code.Length == 0 || code.Length > 40)
            {
                while (used.Contains("Item." + next)) next++;
                code = "Item." + next;
                used.Add(code);
            }
            if (items.Any(i => i.Code == code)) problems.Add(new FieldProblem($"items[{r.Index}].code", new Problem("Screening.DuplicateCode", code)));
            items.Add(new ChecklistItem(code, r.Text));
        }
        if (items.Count == 0) problems.Add(new FieldProblem("items", new Problem("Screening.ChecklistEmpty")));
        if (items.Count > MaxItems) problems.Add(new FieldProblem("items", new Problem("Screening.ChecklistTooLong", MaxItems)));
        return problems.Count > 0 ? (null, problems) : (items, []);
    }
}
