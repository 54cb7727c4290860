using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Excellence.Web.Infrastructure.Documents;

/// <summary>
/// Appends the pages of other PDFs after given pages of a generated PDF (the paper copy: the form, then each
/// PDF evidence file's own pages after its separator page). PDFsharp 6.2 (MIT) does the page import.
/// </summary>
public static class PdfPages
{
    /// <summary>How many pages a PDF has, or null when it cannot be read for import (damaged, encrypted).</summary>
    public static int? CountPages(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            return document.PageCount;
        }
        // A user's file that the reader cannot take is not a server error: the paper copy says to print it by hand.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// Returns <paramref name="generated"/> with, after each page index in <paramref name="inserts"/> (0-based), every
    /// page of the PDF that its opener yields.
    /// </summary>
    public static byte[] Insert(byte[] generated, IReadOnlyList<(int AfterPage, Func<Stream> Open)> inserts)
    {
        if (inserts.Count == 0) return generated;
        using var input = PdfReader.Open(new MemoryStream(generated), PdfDocumentOpenMode.Import);
        var output = new PdfDocument();
        output.Info.Title = input.Info.Title;
        output.Info.Creator = input.Info.Creator;
        var byPage = inserts.ToLookup(i => i.AfterPage, i => i.Open);
        for (var p = 0; p < input.PageCount; p++)
        {
            output.AddPage(input.Pages[p]);
            foreach (var open in byPage[p])
            {
                using var stream = open();
                using var evidence = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
                foreach (var page in evidence.Pages) output.AddPage(page);
            }
        }
        using var result = new MemoryStream();
        output.Save(result);
        return result.ToArray();
    }
}
