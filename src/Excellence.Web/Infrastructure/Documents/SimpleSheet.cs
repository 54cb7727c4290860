using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// A one-sheet .xlsx of text rows, written with the OpenXML SDK. ClosedXML 0.95.4 (the pinned version)
/// fails on .NET 10 with InvalidProgramException in XLWorkbook's static constructor, so exports use this.
/// </summary>
public static class SimpleSheet
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Write([new Sheet(sheetName, headers, rows)]);

    /// <summary>One sheet of a workbook: its name, the bold header row and the rows of text.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string>> Rows);

    /// <summary>A workbook of several sheets, in the given order.</summary>
    public static byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (sheetName, headers, rows) in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, headers, bold: true));
                uint index = 2;
                foreach (var row in rows) data.Append(Row(index++, row, bold: false));
                var columns = new Columns(headers.Select((_, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 20, CustomWidth = true }));
                sheetPart.Worksheet = new Worksheet(columns, data);
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = sheetName });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string> values, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = new Cell
            {
                CellReference = Column(c) + index,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[c] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (bold) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
