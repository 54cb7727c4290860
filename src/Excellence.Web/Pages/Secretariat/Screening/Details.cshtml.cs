using System.Globalization;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Features.Screening;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Screening;

/// <summary>One application read-only beside its checklist and the decision form, with the history of supplement rounds.</summary>
public sealed class DetailsModel(GetApplication.Handler getApplication, GetScreening.Handler getScreening, DecideScreening.Handler decide,
    StringCatalog catalog) : PageModel
{
    public GetApplication.View Application { get; private set; } = null!;
    public GetScreening.View Screening { get; private set; } = null!;

    [BindProperty] public ScreeningDecision? Decision { get; set; }
    [BindProperty] public FailKind? FailKind { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    /// <summary>One item per line.</summary>
    [BindProperty] public string? Items { get; set; }

    /// <summary>The checklist as posted (code → met "true"/"false"/"", note), to redisplay after an error.</summary>
    public Dictionary<string, (string Met, string Note)> Posted { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var checklist = new List<DecideScreening.ChecklistInput>();
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith("met[", StringComparison.Ordinal) && k.EndsWith(']')))
        {
            var code = key[4..^1];
            var met = Request.Form[key].ToString();
            var note = Request.Form[$"note[{code}]"].ToString();
            Posted[code] = (met, note);
            checklist.Add(new DecideScreening.ChecklistInput(code, met switch { "true" => true, "false" => false, _ => null }, note));
        }
        var items = (Items ?? "").Split('\n');
        var outcome = await decide.HandleAsync(HttpContext.RequiredActor(),
            new DecideScreening.Command(id, Decision, Reason, FailKind, DueDate, checklist, items, Note));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Screening.Decided." + outcome.Value!.Decision, CultureInfo.CurrentUICulture);
            return Redirect($"/Secretariat/Screening/{id}");
        }
        if (!await LoadAsync(id)) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Reason is not null) outcome.Reason.AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var actor = HttpContext.RequiredActor();
        var a = await getApplication.HandleAsync(actor, id);
        var s = await getScreening.HandleAsync(actor, id);
        if (!a.IsOk || !s.IsOk || s.Value!.Checklist is null) return false;
        Application = a.Value!;
        Screening = s.Value!;
        return true;
    }
}
