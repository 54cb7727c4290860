using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Localization;
using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// The filled application form (附件 2, or 附件 3 for an individual) as an A4 PDF, laid out like the paper form:
/// a cover with space for the seals, then the numbered sections as bordered label/value tables, then the evidence list.
/// The official form is Chinese, so it is always printed in Chinese. Answers null when the font is missing.
/// The resident ID and phone come from the DTO, which only ever holds them masked.
/// </summary>
public sealed class ApplicationFormPdf(StringCatalog catalog, string? fontPath = null)
{
    private const float Width = 595, Height = 842, Margin = 50, LabelWidth = 140, Pad = 5, LineHeight = 15;
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// An evidence file for the paper copy; <see cref="Open"/> is set for pictures, which are printed on their page.
    /// <see cref="FollowingPages"/> is set for a PDF whose own pages the caller appends after the separator page.
    /// </summary>
    public sealed record Appendix(EvidenceView Evidence, Func<Stream>? Open, int? FollowingPages = null);

    /// <param name="appendixPages">When given, receives the 0-based page index of each appendix's separator page.</param>
    /// <param name="photo">The nominee's photo (re-encoded at upload), printed in the 照片 row of attachment 3.</param>
    public byte[]? Render(ApplicationDto a, IReadOnlyList<Appendix>? appendix = null, List<int>? appendixPages = null, Func<Stream>? photo = null)
    {
        using var typeface = CjkFont.Load(fontPath);
        if (typeface is null) return null;
        var form = ApplicationFormContent.Build(a, catalog);

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = form.Heading, Creator = catalog.Text("App.Association", Zh) }))
        {
            using var font = new SKFont(typeface, 10.5f);
            using var heading = new SKFont(typeface, 22) { Embolden = true };
            using var section = new SKFont(typeface, 13) { Embolden = true };
            using var coverFont = new SKFont(typeface, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
            using var shade = new SKPaint { Color = new SKColor(0xF0, 0xF0, 0xF0), Style = SKPaintStyle.Fill };

            // Cover.
            var pages = 0;
            SKCanvas Begin() { pages++; return document.BeginPage(Width, Height); }
            var canvas = Begin();
            canvas.DrawText(form.Heading, Width / 2, 220, SKTextAlign.Center, heading, ink);
            float cy = 330;
            foreach (var (label, value) in form.Cover)
            {
                canvas.DrawText(label, 120, cy, SKTextAlign.Left, coverFont, ink);
                canvas.DrawText(value, 215, cy, SKTextAlign.Left, coverFont, ink);
                canvas.DrawLine(210, cy + 6, 470, cy + 6, rule);
                cy += 60;
            }
            document.EndPage();

            canvas = Begin();
            float y = Margin;
            void NewPage() { document.EndPage(); canvas = Begin(); y = Margin; }

            foreach (var s in form.Sections)
            {
                if (y + 60 > Height - Margin) NewPage();
                y += 10;
                canvas.DrawText(s.Title, Margin, y + 13, SKTextAlign.Left, section, ink);
                y += 24;
                if (s.Note is { } note)
                    foreach (var part in Wrap(note, font, Width - 2 * Margin)) { canvas.DrawText(part, Margin, y + 11, SKTextAlign.Left, font, ink); y += LineHeight; }
                foreach (var row in s.Rows)
                {
                    if (row.Photo)
                    {
                        if (y + PhotoRowHeight > Height - Margin) NewPage();
                        DrawPhotoRow(canvas, row, y, photo, font, ink, rule, shade);
                        y += PhotoRowHeight;
                        continue;
                    }
                    var labelLines = Wrap(row.Label, font, LabelWidth - 2 * Pad).ToList();
                    var valueLines = Wrap(row.Value, font, Width - 2 * Margin - LabelWidth - 2 * Pad).ToList();
                    if (valueLines.Count == 0) valueLines.Add("");
                    var first = true;
                    var i = 0;
                    while (i < valueLines.Count || first)
                    {
                        var room = (int)((Height - Margin - y - 2 * Pad) / LineHeight);
                        if (room < 1 || (first && room < Math.Min(labelLines.Count, 3))) { NewPage(); continue; }
                        var take = Math.Min(room, valueLines.Count - i);
                        var labelShown = first ? labelLines : [];
                        var lines = Math.Max(take, first ? Math.Min(labelLines.Count, room) : 0);
                        var h = lines * LineHeight + 2 * Pad;
                        var labelRect = new SKRect(Margin, y, Margin + LabelWidth, y + h);
                        var valueRect = new SKRect(Margin + LabelWidth, y, Width - Margin, y + h);
                        canvas.DrawRect(labelRect, shade);
                        canvas.DrawRect(labelRect, rule);
                        canvas.DrawRect(valueRect, rule);
                        for (var k = 0; k < Math.Min(labelShown.Count, lines); k++)
                            canvas.DrawText(labelShown[k], Margin + Pad, y + Pad + 11 + k * LineHeight, SKTextAlign.Left, font, ink);
                        for (var k = 0; k < take; k++)
                            canvas.DrawText(valueLines[i + k], Margin + LabelWidth + Pad, y + Pad + 11 + k * LineHeight, SKTextAlign.Left, font, ink);
                        i += take;
                        y += h;
                        first = false;
                        if (i < valueLines.Count) NewPage();
                    }
                }
            }
            document.EndPage();

            for (var n = 0; n < (appendix?.Count ?? 0); n++)
            {
                var (e, open, following) = (appendix![n].Evidence, appendix[n].Open, appendix[n].FollowingPages);
                canvas = Begin();
                appendixPages?.Add(pages - 1);
                y = Margin;
                canvas.DrawText($"附件 {n + 1}/{appendix.Count}：证实性材料", Margin, y + 13, SKTextAlign.Left, section, ink);
                y += 30;
                foreach (var line in new[] { "文件名：" + e.FileName, $"大小：{ApplicationFormContent.FormatSize(e.Size)}", "SHA-256：" + e.Sha256 })
                    foreach (var part in Wrap(line, font, Width - 2 * Margin)) { canvas.DrawText(part, Margin, y + 11, SKTextAlign.Left, font, ink); y += LineHeight; }
                y += 10;
                canvas.DrawLine(Margin, y, Width - Margin, y, rule);
                y += 15;
                using var picture = open is null || following is not null ? null : ReadImage(open);
                if (picture is not null)
                {
                    var scale = Math.Min((Width - 2 * Margin) / picture.Width, (Height - Margin - y) / picture.Height);
                    scale = Math.Min(scale, 1f);
                    canvas.DrawImage(picture, SKRect.Create(Margin, y, picture.Width * scale, picture.Height * scale));
                }
                else
                {
                    var note = following is { } count ? $"以下 {count} 页为本证实性材料原文件。"
                        : open is null ? "此页之后装订本证实性材料的打印件（按原文件打印，页码顺序不变）。"
                        : "图片无法读取，请按原文件打印并装订于此页之后。";
                    foreach (var part in Wrap(note, font, Width - 2 * Margin)) { canvas.DrawText(part, Margin, y + 11, SKTextAlign.Left, font, ink); y += LineHeight; }
                }
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private const float PhotoRowHeight = 150;

    /// <summary>The 照片 row: the picture at most 100 × 140 pt (a 2-inch photo), aspect kept; a blank box when there is none.</summary>
    private static void DrawPhotoRow(SKCanvas canvas, ApplicationFormContent.Row row, float y, Func<Stream>? photo, SKFont font, SKPaint ink, SKPaint rule, SKPaint shade)
    {
        var labelRect = new SKRect(Margin, y, Margin + LabelWidth, y + PhotoRowHeight);
        var valueRect = new SKRect(Margin + LabelWidth, y, Width - Margin, y + PhotoRowHeight);
        canvas.DrawRect(labelRect, shade);
        canvas.DrawRect(labelRect, rule);
        canvas.DrawRect(valueRect, rule);
        canvas.DrawText(row.Label, Margin + Pad, y + Pad + 11, SKTextAlign.Left, font, ink);
        using var picture = photo is null ? null : ReadImage(photo);
        if (picture is null)
        {
            canvas.DrawText(row.Value, valueRect.Left + Pad, y + Pad + 11, SKTextAlign.Left, font, ink);
            return;
        }
        var scale = Math.Min(100f / picture.Width, 140f / picture.Height);
        canvas.DrawImage(picture, SKRect.Create(valueRect.Left + Pad, y + Pad, picture.Width * scale, picture.Height * scale));
    }

    private static SKImage? ReadImage(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var data = SKData.Create(stream);
            return data is null ? null : SKImage.FromEncodedData(data);
        }
        catch (IOException) { return null; }
    }

    /// <summary>Breaks by explicit line breaks, then by measured width, character by character (Chinese has no spaces).</summary>
    internal static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var start = 0;
            for (var i = 1; i <= paragraph.Length; i++)
            {
                if (font.MeasureText(paragraph.AsSpan(start, i - start)) > width && i - 1 > start)
                {
                    yield return paragraph[start..(i - 1)];
                    start = i - 1;
                }
            }
            yield return paragraph[start..];
        }
    }
}

/// <summary>What the printed form says, in its order, shared by the PDF and the DOCX.</summary>
public sealed record ApplicationFormContent(string Heading, IReadOnlyList<(string Label, string Value)> Cover, IReadOnlyList<ApplicationFormContent.Section> Sections)
{
    /// <summary>A label and its value; <see cref="Photo"/> marks the 照片 row, where the PDF prints the picture.</summary>
    public sealed record Row(string Label, string Value, bool Photo = false);
    public sealed record Section(string Title, IReadOnlyList<Row> Rows, string? Note = null)
    {
        /// <summary>An empty table still prints one row, so the paper form never looks cut off.</summary>
        public IReadOnlyList<Row> Rows { get; init; } = Rows.Count > 0 ? Rows : [new Row("（无）", "")];
    }

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七"];

    public static ApplicationFormContent Build(ApplicationDto a, StringCatalog catalog)
    {
        string T(string key) => catalog.Text(key, Zh);
        string E<TEnum>(TEnum? v) where TEnum : struct, Enum => v is { } x ? T(Reference.Key(x)) : "";
        var o = a.Organization;
        var seal = "（盖章）";
        var cover = new List<(string, string)>
        {
            ("申报方向：", E<Category>(a.Category)),
            ("申报单位：", o.Name + "　" + seal),
            ("推荐单位：", (a.Direct ? "直接申报" : a.RecommenderName ?? "") + "　" + seal),
            ("申报日期：", a.SubmittedAt is { } s ? Domain.Shanghai.ToLocal(s).ToString("yyyy年M月d日", Zh) : ""),
        };
        var sections = new List<Section>();
        string N() => Numerals[sections.Count] + "、";

        var sectors = string.Join("、", o.Sectors.Where(x => x != "Other").Select(x => T(Reference.Key("Sector", x))));
        if (o.SectorOther is { Length: > 0 }) sectors += (sectors.Length > 0 ? "、" : "") + "其他：" + o.SectorOther;
        sections.Add(new Section(N() + "组织基本情况",
        [
            new("组织名称", o.Name),
            new("统一社会信用代码", o.CreditCode),
            new("所在区", T(Reference.Key("District", o.District))),
            new("注册地址", $"{o.RegisteredAddress}　邮政编码：{o.RegisteredPostcode}"),
            new("通讯地址", $"{o.MailingAddress}　邮政编码：{o.MailingPostcode}"),
            new("组织性质", E<OrganizationNature>(o.Nature) + (o.NatureOther is { Length: > 0 } no ? "：" + no : "")),
            new("市场主体类型", E(o.MarketEntityType)),
            new("所属行业", E<Industry>(o.Industry)),
            new("所属产业", sectors),
            new("组织规模", E<OrganizationScale>(o.Scale)),
            new("是否属于“专精特新”中小企业", o.IsSpecialisedSme ? "是" : "否"),
            new("填报人姓名", o.ContactName),
            new("部门（职务）", o.ContactDepartment),
            new("联系手机", o.ContactMobile),
            new("电子邮件", o.ContactEmail),
        ]));

        if (a.Category == Category.IndividualExperience)
        {
            var n = a.Nominee ?? new NomineeForm();
            sections.Add(new Section(N() + "申报人基本信息",
            [
                new("姓名", n.Name ?? ""),
                new("照片", n.PhotoSha256 is null ? "（未上传）" : "已上传", Photo: true),
                new("身份证号", n.ResidentId ?? ""),
                new("性别", E(n.Gender)),
                new("政治面貌", E(n.PoliticalStatus)),
                new("职称/技能", n.TitleOrSkill ?? ""),
                new("学历/学位", n.Education ?? ""),
                new("所在部门", n.Department ?? ""),
                new("职务", n.Position ?? ""),
                new("工作年限", n.YearsOfWork?.ToString(Zh) ?? ""),
                new("现岗位工作年限", n.YearsInCurrentPost?.ToString(Zh) ?? ""),
                new("联系电话", n.Phone ?? ""),
                new("电子邮件", n.Email ?? ""),
                new("申报人所在岗位及工作经历", n.WorkHistory ?? ""),
                new("申报人近三年成果/荣誉情况（市级及以上）", n.RecentHonours ?? ""),
            ]));
        }
        else
        {
            sections.Add(new Section(N() + "开展质量改进与创新活动情况",
                a.QualityActivities.Select((q, i) => new Row($"{i + 1}. {q.Name}", "评价结果：" + q.Result)).ToList(),
                "注：质量改进与创新活动包括卓越绩效管理活动、先进质量技术方法推进活动、群众性质量提升活动等"));
            sections.Add(new Section(N() + "近三年获奖情况",
                a.Awards.Select(w => new Row(w.Name ?? "", $"获奖时间：{w.Date?.ToString("yyyy年M月d日", Zh)}　授奖部门：{w.AwardingBody}")).ToList()));
        }

        var individual = a.Category == Category.IndividualExperience;
        sections.Add(new Section(N() + "成果报告",
        [
            new("成果标题（30字以内）", a.Report.Title ?? ""),
            new("组织概述（2000字以内）", a.Report.Overview ?? ""),
            new(individual ? "成果内容（5000字以内）" : "成果内容（8000字以内）", a.Report.Content ?? ""),
            new("管理成效", a.Report.Effectiveness ?? ""),
        ]));
        var r = a.Recommendation;
        sections.Add(new Section(N() + "推荐意见",
        [
            new("本单位推荐意见", a.OwnUnitOpinion + "\n\n\n（盖章）：\n\n　　　　　　　　　　　　年　　月　　日"),
            new("上级单位推荐意见", a.Direct ? "直接申报：" + a.DirectApplicationReason
                : (r?.Opinion ?? "") + "\n\n\n（盖章）：\n\n　　　　　　　　" + (r?.Date is { } d ? d.ToString("yyyy年M月d日", Zh) : "　　　　年　　月　　日")),
        ]));
        sections.Add(new Section("附：证实性材料清单",
            a.Evidence.Select((e, i) => new Row($"{i + 1}. {e.FileName}", $"大小：{FormatSize(e.Size)}\nSHA-256：{e.Sha256}")).ToList()));

        return new ApplicationFormContent($"{a.Year} 年卓越管理创新成果申报表", cover, sections);
    }

    /// <summary>An ASCII file name: the receipt number when there is one, else the year and category.</summary>
    public static string FileName(ApplicationDto a, string extension) =>
        $"application-{a.ReceiptNumber ?? $"{a.Year}-{a.Category}-{a.Id.ToString()[..8]}"}.{extension}";

    internal static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.0} MB" : bytes >= 1024 ? $"{bytes / 1024d:0.0} KB" : $"{bytes} B";
}
