using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// The same filled form as <see cref="ApplicationFormPdf"/>, as an editable Word document (A4, 宋体):
/// the cover, a page break, then each section as a bordered two-column table like the paper form.
/// </summary>
public sealed class ApplicationFormDocx(StringCatalog catalog)
{
    private const string Font = "宋体";

    public byte[] Render(ApplicationDto a)
    {
        var form = ApplicationFormContent.Build(a, catalog);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();

            for (var i = 0; i < 6; i++) body.Append(new Paragraph());
            body.Append(Para(form.Heading, size: 44, bold: true, center: true));
            for (var i = 0; i < 4; i++) body.Append(new Paragraph());
            foreach (var (label, value) in form.Cover)
            {
                var p = Para(label, size: 28);
                var run = TextRun(value, 28);
                run.RunProperties!.Append(new Underline { Val = UnderlineValues.Single });
                p.Append(run);
                p.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "600" });
                body.Append(p);
            }
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

            foreach (var s in form.Sections)
            {
                var heading = Para(s.Title, size: 26, bold: true);
                heading.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "240", After = "120" });
                body.Append(heading);
                if (s.Note is { } note) body.Append(Para(note, size: 20));
                body.Append(Table(s.Rows));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1304, Right = 1304, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<ApplicationFormContent.Row> rows)
    {
        static BorderType Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "000000" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "2400" }, new GridColumn { Width = "6898" }));
        foreach (var row in rows)
        {
            var label = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = "2400", Type = TableWidthUnitValues.Dxa },
                new Shading { Val = ShadingPatternValues.Clear, Fill = "F0F0F0", Color = "auto" }));
            label.Append(Para(row.Label, size: 21));
            var value = new TableCell(new TableCellProperties(new TableCellWidth { Width = "6898", Type = TableWidthUnitValues.Dxa }));
            foreach (var line in row.Value.Replace("\r\n", "\n").Split('\n')) value.Append(Para(line, size: 21));
            table.Append(new TableRow(label, value));
        }
        return table;
    }

    private static Paragraph Para(string text, int size, bool bold = false, bool center = false)
    {
        var props = new ParagraphProperties();
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        var p = new Paragraph(props);
        if (text.Length > 0) p.Append(TextRun(text, size, bold));
        return p;
    }

    private static Run TextRun(string text, int size, bool bold = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
