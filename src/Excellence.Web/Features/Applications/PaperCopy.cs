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
/// The paper copy to bind (一式三份): the form, then one page per evidence file, in upload order. Pictures are
/// printed on their page; PDF and Office files get a page naming them (no PDF-merging library is available),
/// after which they are printed and bound. Whoever may read the application may have it.
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
            var appendix = a.Evidence.Select(e => new ApplicationFormPdf.Appendix(e,
                e.ContentType is "image/jpeg" or "image/png" && stored.TryGetValue(e.Id, out var name) ? () => store.Open(name) : null)).ToList();
            return Outcome<(ApplicationDto, byte[]?)>.Ok((a, new ApplicationFormPdf(catalog).Render(a, appendix)));
        }
    }
}
