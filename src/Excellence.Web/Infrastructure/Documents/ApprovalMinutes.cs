using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Features.Approvals;
using Excellence.Web.Infrastructure.Localization;
using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// 审定会议纪要: the minutes of a closed approval meeting, in Chinese: the meeting, who was present and absent, the
/// quorum and majority, then per category and approved level the results with their vote counts. One content,
/// two renderings (<see cref="Docx"/>, <see cref="Pdf"/>).
/// </summary>
public sealed class ApprovalMinutes(StringCatalog catalog, string? fontPath = null)
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public sealed record Section(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public sealed record Content(string Heading, IReadOnlyList<string> Lines, IReadOnlyList<Section> Sections, string Closing);

    public static string FileName(MeetingView m, string ext) => $"approval-minutes-{m.Year}-{Shanghai.ToLocal(m.HeldAt):yyyyMMdd}.{ext}";

    public Content Build(MeetingView m)
    {
        string T(string key, params object[] args) => catalog.Text(key, Zh, args);
        string Date(DateTime utc) => Shanghai.ToLocal(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        var present = m.Attendees.Where(a => a.Present).Select(a => a.Name).ToList();
        var absent = m.Attendees.Where(a => !a.Present).Select(a => a.Name).ToList();
        var lines = new List<string>
        {
            T("Approval.Minutes.Time", Date(m.HeldAt)),
            T("Approval.Minutes.Place", m.Place),
            T("Approval.Minutes.Present", m.Invited, m.Present, present.Count == 0 ? "—" : string.Join("、", present)),
            T("Approval.Minutes.Absent", absent.Count == 0 ? T("Approval.Minutes.Nobody") : string.Join("、", absent)),
            T("Approval.Minutes.Quorum", m.Quorum.Numerator, m.Quorum.Denominator, m.QuorumRequired,
                T(m.QuorumMet ? "Approval.Minutes.QuorumMet" : "Approval.Minutes.QuorumNotMet")),
            T("Approval.Minutes.Majority", m.Majority.Numerator, m.Majority.Denominator),
        };
        var approved = m.Items.Count(i => i.Tally?.Outcome == TallyOutcome.Approved);
        lines.Add(T("Approval.Minutes.Summary", m.Items.Count, approved, m.Items.Count - approved));

        var header = new[] { T("Approval.Col.Receipt"), T("Approval.Col.Title"), T("Approval.Col.Organization"), T("Approval.Col.Proposed"),
            T("Approval.Col.Result"), T("Approval.Col.Votes") };
        var sections = new List<Section>();
        foreach (var category in Enum.GetValues<Domain.Category>())
        {
            var inCategory = m.Items.Where(i => i.Category == category).ToList();
            if (inCategory.Count == 0) continue;
            var groups = inCategory.GroupBy(i => i.Tally?.ApprovedLevel).OrderBy(g => g.Key is null).ThenBy(g => g.Key);
            foreach (var g in groups)
            {
                var title = T(Reference.Key(category)) + " · " + (g.Key is { } l ? T(Reference.Key(l)) : T("Approval.Outcome.NotApproved"));
                sections.Add(new Section(title, header, g.Select(i => (IReadOnlyList<string>)
                [
                    i.ReceiptNumber ?? "", i.Title, i.OrganizationName, i.ProposedLevel is { } p ? T(Reference.Key(p)) : T("Approval.NotRecognised"),
                    i.Tally is { } t ? (t.ApprovedLevel is { } al ? T(Reference.Key(al)) : T("Approval.Outcome." + t.Outcome)) : "",
                    i.Tally is { } c ? T("Approval.Minutes.Counts", c.Approve, c.ChangeLevel, c.Reject, c.Cast) : "",
                ]).ToList()));
            }
        }
        var closing = T("Approval.Minutes.Closing", m.ClosedByName ?? "", m.ClosedAt is { } at ? Date(at) : "");
        return new Content(T("Approval.Minutes.Heading", m.Title), lines, sections, closing);
    }

    public byte[] Docx(MeetingView m)
    {
        var c = Build(m);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(c.Heading, 36, bold: true, center: true));
            foreach (var line in c.Lines) body.Append(Para(line, 22));
            foreach (var s in c.Sections)
            {
                var heading = Para(s.Title, 24, bold: true);
                heading.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "240", After = "120" });
                body.Append(heading);
                body.Append(Table(s));
            }
            body.Append(Para("", 22));
            body.Append(Para(c.Closing, 22));
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(Section s)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "000000" };
        int[] widths = [1800, 3800, 3400, 1500, 1500, 2500];
        var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        TableRow Row(IReadOnlyList<string> cells, bool head) => new(cells.Select((text, i) =>
        {
            var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (head) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F0F0F0", Color = "auto" });
            return new TableCell(props, Para(text, 20, bold: head));
        }));
        table.Append(Row(s.Header, true));
        foreach (var r in s.Rows) table.Append(Row(r, false));
        return table;
    }

    private static Paragraph Para(string text, int size, bool bold = false, bool center = false)
    {
        const string font = "宋体";
        var props = new ParagraphProperties();
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        var p = new Paragraph(props);
        if (text.Length == 0) return p;
        var run = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold) run.Append(new Bold());
        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        p.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    /// <summary>A4 portrait PDF in Noto Sans CJK SC; null when the font is missing.</summary>
    public byte[]? Pdf(MeetingView m)
    {
        using var typeface = CjkFont.Load(fontPath);
        if (typeface is null) return null;
        var c = Build(m);
        const float width = 595, height = 842, margin = 50;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = c.Heading, Creator = catalog.Text("App.Association", Zh) }))
        {
            using var font = new SKFont(typeface, 10.5f);
            using var bold = new SKFont(typeface, 18) { Embolden = true };
            using var sub = new SKFont(typeface, 12) { Embolden = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            var canvas = document.BeginPage(width, height);
            var y = margin + 10f;
            void Line(string text, SKFont f, SKPaint p, float gap = 16, float indent = 0)
            {
                foreach (var part in Wrap(text, f, width - 2 * margin - indent))
                {
                    if (y > height - margin) { document.EndPage(); canvas = document.BeginPage(width, height); y = margin + 10; }
                    canvas.DrawText(part, margin + indent, y, SKTextAlign.Left, f, p);
                    y += gap;
                }
            }
            Line(c.Heading, bold, ink, 30);
            foreach (var l in c.Lines) Line(l, font, ink);
            foreach (var s in c.Sections)
            {
                y += 8;
                Line(s.Title, sub, ink, 20);
                foreach (var r in s.Rows)
                {
                    Line($"{r[0]}  {r[1]}", font, ink);
                    Line($"{s.Header[2]}：{r[2]}　{s.Header[3]}：{r[3]}　{s.Header[4]}：{r[4]}　{r[5]}", font, grey, 18, 12);
                }
            }
            y += 12;
            Line(c.Closing, font, ink);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
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
