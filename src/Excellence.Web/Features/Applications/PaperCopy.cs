using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// The paper copy to bind (一式三份): the form, then each evidence file in upload order behind a separator page
/// naming it: pictures printed on that page, PDFs followed by their own pages, Office files (which cannot be
/// rendered here) by a note to print and bind them there. Whoever may read the application may have it.
/// </summary>
public static class PaperCopy
{
    public sealed class Handler(AppDb db, GetApplication.Handler get, IOptions<ExcellenceOptions> options, StringCatalog catalog)
    {
        public async Task<Outcome<(ApplicationDto Application, byte[]? Pdf)>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var view = await get.HandleAsync(actor, id, ct);
            if (!view.IsOk) return Outcome<(ApplicationDto, byte[]?)>.NotFound();
            var a = view.Value!.Application;
            var stored = await db.Set<Evidence>().AsNoTracking().Where(e => e.ApplicationId == id).ToDictionaryAsync(e => e.Id, e => e.StoredName, ct);
            var store = new EvidenceStore(options);
            var appendix = a.Evidence.Select(e =>
            {
                if (!stored.TryGetValue(e.Id, out var name)) return new ApplicationFormPdf.Appendix(e, null);
                Func<Stream> open = () => store.Open(name);
                return e.ContentType switch
                {
                    "image/jpeg" or "image/png" => new ApplicationFormPdf.Appendix(e, open),
                    // A PDF the reader cannot take (damaged, encrypted) gets the note to print it by hand.
                    "application/pdf" => PdfPages.CountPages(open) is { } pages
                        ? new ApplicationFormPdf.Appendix(e, open, pages) : new ApplicationFormPdf.Appendix(e, null),
                    _ => new ApplicationFormPdf.Appendix(e, null),
                };
            }).ToList();
            var separators = new List<int>();
            var photoName = a.Nominee?.PhotoSha256 is null ? null
                : await db.Nominees.AsNoTracking().Where(n => n.ApplicationId == id).Select(n => n.PhotoStoredName).FirstOrDefaultAsync(ct);
            var pdf = new ApplicationFormPdf(catalog).Render(a, appendix, separators, photoName is null ? null : () => store.Open(photoName));
            if (pdf is null) return Outcome<(ApplicationDto, byte[]?)>.Ok((a, null));
            var inserts = appendix.Select((x, i) => (x, i)).Where(t => t.x.FollowingPages is not null)
                .Select(t => (separators[t.i], t.x.Open!)).ToList();
            return Outcome<(ApplicationDto, byte[]?)>.Ok((a, PdfPages.Insert(pdf, inserts)));
        }
    }
}
