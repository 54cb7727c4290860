using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Panels;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// 专家会审纪要 as lines: the meeting, its members, then per item the recusals (names only, recorded as 回避),
/// the questions, the votes and their summary, and the recommendation. Built from the caller's view of the
/// meeting, so a member's copy leaves out every item it is recused on.
/// </summary>
public static class PanelMinutesContent
{
    public enum Style { Title, Heading, Text }

    public sealed record Line(Style Style, string Text);

    public static IReadOnlyList<Line> Build(PanelMeetingView m, StringCatalog catalog, CultureInfo culture)
    {
        string T(string key, params object[] args) => catalog.Text(key, culture, args);
        string Level(PanelLevel? l) => l is null ? "—" : T("Panel.Level." + l);
        var lines = new List<Line>
        {
            new(Style.Title, T("Panel.Minutes.Title")),
            new(Style.Heading, m.Title),
            new(Style.Text, $"{T("Panel.Field.startsAt")}：{Display.DateTime(m.StartsAt)}"),
            new(Style.Text, $"{T("Panel.Field.place")}：{m.Place}"),
            new(Style.Text, $"{T("Panel.Field.chair")}：{m.Chair?.Name ?? "—"}"),
            new(Style.Text, $"{T("Panel.Field.members")}：{string.Join("、", m.Members.Select(x => $"{x.Name}（{x.Organization}）"))}"),
        };
        foreach (var i in m.Items)
        {
            lines.Add(new(Style.Heading, $"{i.Order}. {i.Title}"));
            lines.Add(new(Style.Text, $"{T("Panel.Item.Organization")}：{i.OrganizationName}　{T("Panel.Item.Receipt")}：{i.ReceiptNumber ?? "—"}　{T("Panel.Item.Preliminary")}：{i.PreliminaryScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"}"));
            lines.Add(new(Style.Text, i.Recusals.Count == 0 ? T("Panel.Minutes.NoRecusal")
                : T("Panel.Minutes.Recused", string.Join("、", i.Recusals.Select(r => r.ExpertName)))));
            lines.Add(new(Style.Text, T("Panel.Field.questions") + "："));
            foreach (var q in (i.Questions.Length == 0 ? "—" : i.Questions).Replace("\r\n", "\n").Split('\n')) lines.Add(new(Style.Text, "　" + q));
            lines.Add(new(Style.Text, T("Panel.Minutes.Votes") + "："));
            foreach (var v in i.Votes)
                lines.Add(new(Style.Text, $"　{v.ExpertName}：{v.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"} · {Level(v.Level)}"));
            var s = i.Summary;
            lines.Add(new(Style.Text, T("Panel.Minutes.Summary", s.Votes, s.MeanScore?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—",
                string.Join("，", s.Levels.Where(kv => kv.Value > 0).Select(kv => $"{Level(kv.Key)} {kv.Value}")), Level(s.Majority))));
            lines.Add(new(Style.Text, $"{T("Panel.Field.level")}：{Level(i.RecommendedLevel)}　{T("Panel.Field.decision")}：{(i.Decision is { } d ? T("Panel.Decision." + d) : T("Panel.Minutes.Open"))}"));
            if (i.Reasons.Length > 0) lines.Add(new(Style.Text, $"{T("Panel.Field.reasons")}：{i.Reasons}"));
        }
        if (m.Items.Count == 0) lines.Add(new(Style.Text, T("Panel.Minutes.NoItems")));
        return lines;
    }

    public static string FileName(PanelMeetingView m, string extension) =>
        $"panel-minutes-{Shanghai.ToLocal(m.StartsAt):yyyyMMdd}-{m.Id.ToString("N")[..8]}.{extension}";
}

/// <summary>The minutes as a Word document (A4, 宋体).</summary>
public sealed class PanelMinutesDocx(StringCatalog catalog)
{
    private const string Font = "宋体";

    public byte[] Render(PanelMeetingView m, CultureInfo culture)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in PanelMinutesContent.Build(m, catalog, culture))
                body.Append(Para(line.Text, line.Style switch { PanelMinutesContent.Style.Title => 36, PanelMinutesContent.Style.Heading => 26, _ => 21 },
                    line.Style != PanelMinutesContent.Style.Text, line.Style == PanelMinutesContent.Style.Title));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1304, Right = 1304, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, int size, bool bold, bool center)
    {
        var props = new ParagraphProperties();
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        var p = new Paragraph(props);
        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold) run.Append(new Bold());
        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        p.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }
}

/// <summary>The minutes as an A4 PDF in Noto Sans CJK SC; null when the font is missing.</summary>
public sealed class PanelMinutesPdf(StringCatalog catalog, string? fontPath = null)
{
    private const float Width = 595, Height = 842, Margin = 50;

    public byte[]? Render(PanelMeetingView m, CultureInfo culture)
    {
        using var typeface = CjkFont.Load(fontPath);
        if (typeface is null) return null;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = m.Title, Creator = catalog.Text("App.Association", culture) }))
        {
            using var text = new SKFont(typeface, 11);
            using var heading = new SKFont(typeface, 14) { Embolden = true };
            using var title = new SKFont(typeface, 20) { Embolden = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var canvas = document.BeginPage(Width, Height);
            float y = Margin + 10;
            foreach (var line in PanelMinutesContent.Build(m, catalog, culture))
            {
                var (font, gap) = line.Style switch
                {
                    PanelMinutesContent.Style.Title => (title, 30f),
                    PanelMinutesContent.Style.Heading => (heading, 22f),
                    _ => (text, 16f),
                };
                if (line.Style == PanelMinutesContent.Style.Heading) y += 6;
                foreach (var part in Wrap(line.Text, font, Width - 2 * Margin))
                {
                    if (y > Height - Margin) { document.EndPage(); canvas = document.BeginPage(Width, Height); y = Margin + 10; }
                    if (line.Style == PanelMinutesContent.Style.Title) canvas.DrawText(part, Width / 2, y, SKTextAlign.Center, font, ink);
                    else canvas.DrawText(part, Margin, y, SKTextAlign.Left, font, ink);
                    y += gap;
                }
            }
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        if (text.Length == 0) { yield return ""; yield break; }
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (font.MeasureText(text.AsSpan(start, i - start)) > width && i - 1 > start)
            {
                yield return text[start..(i - 1)];
                start = i - 1;
            }
        }
        if (start < text.Length) yield return text[start..];
    }
}
