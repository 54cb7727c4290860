using System.IO.Compression;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Results;

/// <summary>Every standing certificate of a year as one zip of PDFs (secretariat), for printing.</summary>
public static class CertificateBundle
{
    public sealed record File(string FileName, byte[]? Zip, int Count);

    public sealed class Handler(AppDb db, StringCatalog catalog, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, int year, CancellationToken ct = default)
        {
            var may = Permissions.CanPublishResults(actor);
            if (!may) return Outcome<File>.Denied(may);
            var certificates = (await db.Certificates.AsNoTracking().Where(c => c.Year == year && c.RevokedAt == null).ToListAsync(ct))
                .OrderBy(c => c.Category).ThenBy(c => c.Sequence).ToList();
            var name = $"certificates-{year}.zip";
            var pdfs = new CertificatePdf(catalog, options.Value.PublicBaseUrl).RenderMany(certificates);
            if (pdfs is null) return Outcome<File>.Ok(new File(name, null, 0));
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (certificate, pdf) in certificates.Zip(pdfs))
                {
                    var entry = zip.CreateEntry(certificate.Number + ".pdf", CompressionLevel.Fastest);
                    await using var target = entry.Open();
                    await target.WriteAsync(pdf, ct);
                }
            }
            return Outcome<File>.Ok(new File(name, stream.ToArray(), certificates.Count));
        }
    }
}
