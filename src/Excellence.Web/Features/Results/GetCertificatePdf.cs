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

/// <summary>One certificate's PDF for its organisation (while it stands) or the secretariat (a revoked one marked).</summary>
public static class GetCertificatePdf
{
    public sealed record File(string FileName, byte[]? Pdf);

    public sealed class Handler(AppDb db, StringCatalog catalog, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, string number, CancellationToken ct = default)
        {
            var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct);
            if (c is null) return Outcome<File>.NotFound();
            var may = Permissions.CanDownloadCertificate(actor, c);
            if (!may) return Outcome<File>.Denied(may);
            return Outcome<File>.Ok(new File(c.Number + ".pdf", new CertificatePdf(catalog, options.Value.PublicBaseUrl).Render(c)));
        }
    }
}
