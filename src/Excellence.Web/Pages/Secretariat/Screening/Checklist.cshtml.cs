using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Screening;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Screening;

/// <summary>The checklist editor of a year and category: reword, add (blank rows) or remove (empty the text) items.</summary>
public sealed class ChecklistModel(GetChecklist.Handler get, SaveChecklist.Handler save, StringCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public Category Category { get; set; } = Category.OrganizationModel;
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<SaveChecklist.Row> Items { get; set; } = [];

    public ChecklistView View { get; private set; } = null!;

    public const int BlankRows = 3;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version = View.Version;
        Items = View.Items.Select(i => new SaveChecklist.Row(i.Code, i.Text)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await save.HandleAsync(HttpContext.RequiredActor(), new SaveChecklist.Command(Year, Category, Version, Items));
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Flash"] = catalog.Text("Screening.Checklist.Saved", CultureInfo.CurrentUICulture);
            return Redirect($"/Secretariat/Screening/Checklist?year={Year}&category={Category}");
        }
        if (!await LoadAsync()) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog, "");
        if (outcome.Kind == OutcomeKind.Stale) new Problem("Validation.Stale").AddTo(ModelState, catalog);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (Year == 0) Year = Shanghai.Today(DateTimeOffset.UtcNow).Year;
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), Year, Category);
        if (!outcome.IsOk) return false;
        View = outcome.Value!;
        return true;
    }
}
