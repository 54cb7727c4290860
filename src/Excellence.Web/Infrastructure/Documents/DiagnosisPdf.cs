using System.Globalization;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using SkiaSharp;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// The diagnosis report as an A4 PDF, drawn with SkiaSharp in Noto Sans CJK SC, radar included.
/// Answers null when the font is missing: a PDF of empty boxes is worse than a clear error.
/// </summary>
public sealed class DiagnosisPdf(StringCatalog catalog, string? fontPath = null)
{
    private const float Width = 595, Height = 842, Margin = 50;

    public byte[]? Render(GetReport.Report report, CultureInfo culture)
    {
        using var typeface = CjkFont.Load(fontPath);
        if (typeface is null) return null;

        string T(string key, params object[] args) => catalog.Text(key, culture, args);
        string Dim(string code) => DiagnosisText.DimensionName(report.System, code, culture);
        var r = report.Result;

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = T("Diagnosis.Report"), Creator = T("App.Association") }))
        {
            using var font = new SKFont(typeface, 11);
            using var bold = new SKFont(typeface, 20) { Embolden = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
            using var accent = new SKPaint { Color = new SKColor(0xB0, 0x3A, 0x2E), IsAntialias = true };

            var canvas = document.BeginPage(Width, Height);
            float y = Margin + 10;
            void Line(string text, SKFont f, SKPaint p, float gap = 16)
            {
                foreach (var part in Wrap(text, f, Width - 2 * Margin))
                {
                    if (y > Height - Margin) { document.EndPage(); canvas = document.BeginPage(Width, Height); y = Margin + 10; }
                    canvas.DrawText(part, Margin, y, SKTextAlign.Left, f, p);
                    y += gap;
                }
            }

            Line(T("Diagnosis.Title") + " · " + T("Diagnosis.Report"), bold, ink, 28);
            Line($"{report.OrganizationName} · {Display.DateTime(report.SubmittedAt)} · {T("Diagnosis.SystemVersion")} v{report.SystemNumber}", font, grey, 22);
            using (var big = new SKFont(typeface, 16) { Embolden = true })
                Line($"{T("Diagnosis.Total")} {r.Total:0.0}   {T("Diagnosis.Level")} {DiagnosisText.LevelName(report.System, r.Level, culture)}   【{T("Diagnosis.Unverified")}】", big, accent, 22);
            if (r.Veto) Line(T("Diagnosis.VetoWarning", DiagnosisText.LevelName(report.System, report.System.VetoCapLevel, culture)), font, accent);
            Line($"{T("Diagnosis.SubIndices")}: {T("Diagnosis.Frame.Direction")} {r.Direction:0.0}%  {T("Diagnosis.Frame.Operation")} {r.Operation:0.0}%  {T("Diagnosis.Frame.Result")} {r.Result:0.0}%", font, ink, 10);

            Radar(canvas, new SKPoint(Width / 2, y + 130), 105, r.Dimensions.Select(d => (Dim(d.Code), (float)(d.Score ?? 0))).ToList(), font, ink);
            y += 275;

            Line(T("Diagnosis.Dimensions"), bold, ink, 24);
            foreach (var d in r.Dimensions)
                Line($"{d.Code} {Dim(d.Code)}: {(d.InsufficientData ? T("Diagnosis.InsufficientData") : $"{d.Score:0.0}%")}", font, ink);
            y += 8;
            Line(T("Diagnosis.Weakest"), bold, ink, 24);
            foreach (var w in report.Weakest)
            {
                Line($"{w.Code} {Dim(w.Code)} ({w.Score:0.0}%)", font, ink);
                foreach (var s in w.Steps)
                {
                    string Label(int i) => s.Scale == Domain.Diagnosis.AnswerScale.Q5
                        ? report.System.Find(s.IndicatorCode)?.Options.ElementAtOrDefault(i) ?? ""
                        : T("Diagnosis.M5." + Domain.Diagnosis.Answers.Bands[i]);
                    Line("  · " + T("Diagnosis.StepFromTo", s.IndicatorCode, s.IndicatorText, Label(s.Current), Label(s.Next)), font, grey);
                }
            }
            y += 8;
            Line(T("Diagnosis.Suggested"), bold, ink, 24);
            Line(report.SuggestedCategory is { } c ? T(Domain.Reference.Key(c)) : T("Diagnosis.SuggestedNone"), font, ink);
            Line(T("Diagnosis.Change"), bold, ink, 24);
            Line(report.Change is { } ch
                ? T("Diagnosis.ChangeText", Display.DateTime(ch.PreviousSubmittedAt), ch.PreviousTotal.ToString("0.0"),
                    DiagnosisText.LevelName(report.System, ch.PreviousLevel, culture), (ch.TotalDelta >= 0 ? "+" : "") + ch.TotalDelta.ToString("0.0"))
                : T("Diagnosis.FirstDiagnosis"), font, ink);
            Line(T("Diagnosis.Peers"), bold, ink, 24);
            Line(report.Peers is { } p ? T("Diagnosis.PeerQuartile." + p.Quartile) : T("Diagnosis.PeersTooFew"), font, ink);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static void Radar(SKCanvas canvas, SKPoint centre, float radius, IReadOnlyList<(string Name, float Score)> axes, SKFont font, SKPaint ink)
    {
        using var grid = new SKPaint { Color = new SKColor(0xCC, 0xCC, 0xCC), Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, IsAntialias = true };
        using var fill = new SKPaint { Color = new SKColor(0x1F, 0x4E, 0x8C, 0x55), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = new SKPaint { Color = new SKColor(0x1F, 0x4E, 0x8C), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        var n = axes.Count;
        SKPoint At(int i, float share) => new(
            centre.X + radius * share * MathF.Sin(2 * MathF.PI * i / n),
            centre.Y - radius * share * MathF.Cos(2 * MathF.PI * i / n));
        for (var ring = 1; ring <= 4; ring++)
        {
            using var path = new SKPath();
            for (var i = 0; i < n; i++) { var pt = At(i, ring / 4f); if (i == 0) path.MoveTo(pt); else path.LineTo(pt); }
            path.Close();
            canvas.DrawPath(path, grid);
        }
        for (var i = 0; i < n; i++)
        {
            canvas.DrawLine(centre, At(i, 1), grid);
            var label = At(i, 1.18f);
            var align = label.X < centre.X - 5 ? SKTextAlign.Right : label.X > centre.X + 5 ? SKTextAlign.Left : SKTextAlign.Center;
            canvas.DrawText($"{axes[i].Name} {axes[i].Score:0}", label.X, label.Y + 4, align, font, ink);
        }
        using var shape = new SKPath();
        for (var i = 0; i < n; i++) { var pt = At(i, axes[i].Score / 100f); if (i == 0) shape.MoveTo(pt); else shape.LineTo(pt); }
        shape.Close();
        canvas.DrawPath(shape, fill);
        canvas.DrawPath(shape, edge);
    }

    /// <summary>Breaks a line by measured width, character by character (Chinese has no spaces).</summary>
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
