using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.ReviewGroups;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Groups;

/// <summary>评审工作组 of a year: the list, and a form to create or edit one (leader among the members).</summary>
public sealed class IndexModel(AppDb db, ListReviewGroups.Handler list, SaveReviewGroup.Handler save, DeleteReviewGroup.Handler delete,
    StringCatalog catalog) : PageModel
{
    public sealed record ExpertOption(Guid Id, string Name, string OrganizationName);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public Category? Category { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? LeaderExpertId { get; set; }
    [BindProperty] public List<Guid> MemberIds { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<ReviewGroupView> Groups { get; private set; } = [];
    public IReadOnlyList<ExpertOption> Experts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } id && Groups.FirstOrDefault(g => g.Id == id) is { } g)
        {
            Category = g.Category;
            Name = g.Name;
            LeaderExpertId = g.LeaderExpertId;
            MemberIds = g.Members.Select(m => m.ExpertId).ToList();
            Version = g.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadYearsAsync();
        if (Year is null) return NotFound();
        var outcome = await save.HandleAsync(HttpContext.RequiredActor(),
            new SaveReviewGroup.Command(Year.Value, Edit, Edit is null ? null : Version, new ReviewGroupInput(Category, Name, LeaderExpertId, MemberIds)),
            HttpContext.RequestAborted);
        if (outcome.IsOk) return Redirect($"/Secretariat/Groups?year={Year}");
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Invalid) outcome.Errors.AddTo(ModelState, catalog, "");
        else outcome.Reason!.AddTo(ModelState, catalog);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        await LoadYearsAsync();
        if (Year is null) return NotFound();
        var outcome = await delete.HandleAsync(HttpContext.RequiredActor(), Year.Value, id, HttpContext.RequestAborted);
        if (outcome.IsOk) return Redirect($"/Secretariat/Groups?year={Year}");
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        outcome.Reason!.AddTo(ModelState, catalog);
        await LoadAsync();
        return Page();
    }

    private async Task LoadYearsAsync()
    {
        Years = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(HttpContext.RequestAborted);
        Year ??= Years.FirstOrDefault() is var y && y != 0 ? y : null;
    }

    private async Task LoadAsync()
    {
        await LoadYearsAsync();
        if (Year is { } year)
        {
            var outcome = await list.HandleAsync(HttpContext.RequiredActor(), year, ct: HttpContext.RequestAborted);
            Groups = outcome.Value ?? [];
        }
        Experts = await db.Experts.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name)
            .Select(e => new ExpertOption(e.Id, e.Name, e.OrganizationName)).ToListAsync(HttpContext.RequestAborted);
    }
}
