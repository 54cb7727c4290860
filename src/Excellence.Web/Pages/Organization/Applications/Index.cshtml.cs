using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Rounds;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Organization.Applications;

/// <summary>The organisation's applications, and a new one by category for the open year.</summary>
public sealed class IndexModel(AppDb db, TimeProvider clock, ListApplications.Handler list, CreateDraft.Handler create, StringCatalog catalog) : PageModel
{
    public IReadOnlyList<ListApplications.Row> Rows { get; private set; } = [];
    public Round? OpenRound { get; private set; }

    /// <summary>Preselected by a link from elsewhere, e.g. the diagnosis report (?category=…&amp;fromDiagnosis=…).</summary>
    [BindProperty(SupportsGet = true)] public Category? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? FromDiagnosis { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        if (OpenRound is null || Category is null)
        {
            ModelState.AddModelError("Category", catalog.Text("Validation.Choice", System.Globalization.CultureInfo.CurrentUICulture));
            return Page();
        }
        var outcome = await create.HandleAsync(HttpContext.RequiredActor(), new CreateDraft.Command(OpenRound.Year, Category.Value));
        if (outcome.IsOk) return Redirect($"/Organization/Applications/{outcome.Value}");
        if (outcome.Reason is not null) outcome.Reason.AddTo(ModelState, catalog);
        outcome.Errors.AddTo(ModelState, catalog, "");
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Phases).Include(r => r.Categories).OrderByDescending(r => r.Year).ToListAsync();
        OpenRound = rounds.FirstOrDefault(r => r.AcceptsSubmissionsAt(now));
        Rows = (await list.HandleAsync(HttpContext.RequiredActor(), new ListApplications.Query { PageSize = 200 })).Items;
    }
}
