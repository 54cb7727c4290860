using Excellence.Web.Domain;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Features;
using Excellence.Web.Features.Notices;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Objections;

/// <summary>One objection: grounds, files, the objector (masked; revealed on a logged request), findings and the decision.</summary>
public sealed class DetailsModel(GetObjection.Handler get, RevealObjector.Handler reveal, DecideObjection.Handler decide,
    DownloadObjectionFile.Handler download, StringCatalog catalog) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }
        public DecideObjection.Verdict? Verdict { get; set; }
        public string? Findings { get; set; }
        public ObjectionRemedy? Remedy { get; set; }
        public Level? NewLevel { get; set; }
        public string? Explanation { get; set; }
        public string? PhoneNote { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public ObjectionView View { get; private set; } = null!;
    public RevealObjector.Identity? Revealed { get; private set; }
    public bool Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await reveal.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return NotFound();
        Revealed = outcome.Value;
        Input.Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        var outcome = await decide.HandleAsync(HttpContext.RequiredActor(), new DecideObjection.Command(id, Input.Version, Input.Verdict,
            Input.Findings, Input.Remedy, Input.NewLevel, Input.Explanation, Input.PhoneNote));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        ModelState.Clear();
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog);
        else if (!outcome.IsOk) outcome.Reason!.AddTo(ModelState, catalog);
        else Decided = true;
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId)
    {
        var outcome = await download.HandleAsync(HttpContext.RequiredActor(), id, fileId);
        if (!outcome.IsOk) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }
}
