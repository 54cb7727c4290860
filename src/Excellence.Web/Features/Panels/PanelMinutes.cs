using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Documents;
using Excellence.Web.Infrastructure.Localization;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// The minutes of a meeting as DOCX or PDF, in the caller's view: a member's copy leaves out the items it is
/// recused on. Null bytes: the PDF font is missing.
/// </summary>
public static class PanelMinutes
{
    public sealed record File(byte[]? Content, string ContentType, string FileName);

    public sealed class Handler(GetPanelMeeting.Handler get, StringCatalog catalog)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, Guid id, string format, CancellationToken ct = default)
        {
            var outcome = await get.HandleAsync(actor, id, ct);
            if (!outcome.IsOk) return outcome.As<File>();
            var m = outcome.Value!;
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            return format == "docx"
                ? Outcome<File>.Ok(new File(new PanelMinutesDocx(catalog).Render(m, zh),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PanelMinutesContent.FileName(m, "docx")))
                : Outcome<File>.Ok(new File(new PanelMinutesPdf(catalog).Render(m, zh), "application/pdf", PanelMinutesContent.FileName(m, "pdf")));
        }
    }
}
