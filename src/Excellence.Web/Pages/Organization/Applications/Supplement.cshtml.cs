using System.Globalization;
using Excellence.Web.Features;
using Excellence.Web.Features.Screening;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Organization.Applications;

/// <summary>The applicant answers a supplement request: per item an explanation and files (multipart, works without JS).</summary>
public sealed class SupplementModel(GetScreening.Handler getScreening, AnswerSupplement.Handler answer, StringCatalog catalog) : PageModel
{
    public GetScreening.RequestView Round { get; private set; } = null!;
    public Dictionary<Guid, string> Posted { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid requestId) => await LoadAsync(id, requestId) ? Page() : NotFound();

    [RequestFormLimits(MultipartBodyLengthLimit = 1L << 31)]
    [RequestSizeLimit(1L << 31)]
    public async Task<IActionResult> OnPostAsync(Guid id, Guid requestId)
    {
        var form = await Request.ReadFormAsync();
        var (answers, streams) = SupplementFormReader.Read(form);
        Outcome<AnswerSupplement.Result> outcome;
        try { outcome = await answer.HandleAsync(HttpContext.RequiredActor(), new AnswerSupplement.Command(id, requestId, answers)); }
        finally { foreach (var s in streams) await s.DisposeAsync(); }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text(outcome.Value!.Late ? "Supplement.AnsweredLateFlash" : "Supplement.AnsweredFlash", CultureInfo.CurrentUICulture);
            return Redirect($"/Organization/Applications/{id}");
        }
        if (!await LoadAsync(id, requestId)) return NotFound();
        foreach (var a in answers) Posted[a.ItemId] = a.Text ?? "";
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid requestId)
    {
        var outcome = await getScreening.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        var request = outcome.Value!.Requests.FirstOrDefault(r => r.Id == requestId);
        if (request is null) return false;
        Round = request;
        return true;
    }
}
