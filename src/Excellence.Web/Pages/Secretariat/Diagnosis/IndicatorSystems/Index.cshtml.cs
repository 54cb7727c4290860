using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Features;
using Excellence.Web.Features.Diagnosis;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Secretariat.Diagnosis.IndicatorSystems;

/// <summary>The versions of the indicator system: copy the current into a draft, edit, publish.</summary>
public sealed class IndexModel(AppDb db, StringCatalog catalog) : PageModel
{
    public sealed record Row(Guid Id, int Number, IndicatorSystemStatus Status, DateTime CreatedAt, DateTime? PublishedAt, int Diagnoses);

    public IReadOnlyList<Row> Versions { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => Versions = await db.IndicatorSystems.AsNoTracking().OrderByDescending(s => s.Number)
        .Select(s => new Row(s.Id, s.Number, s.Status, s.CreatedAt, s.PublishedAt, db.Diagnoses.Count(d => d.IndicatorSystemId == s.Id)))
        .ToListAsync();

    public async Task<IActionResult> OnPostCopyAsync([FromServices] CopyIndicatorSystem.Handler copy)
    {
        var outcome = await copy.Handle(HttpContext.RequiredActor());
        if (outcome.IsOk) return Redirect($"/Secretariat/Diagnosis/IndicatorSystems/Edit/{outcome.Value}");
        Problems = [catalog.Text(outcome.Reason!, CultureInfo.CurrentUICulture)];
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, [FromServices] PublishIndicatorSystem.Handler publish)
    {
        var outcome = await publish.Handle(HttpContext.RequiredActor(), id);
        if (outcome.IsOk) return Redirect("/Secretariat/Diagnosis/IndicatorSystems");
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        Problems = outcome.Errors.Select(e => $"{e.Field}: {catalog.Text(e.Problem, CultureInfo.CurrentUICulture)}").ToList();
        await OnGetAsync();
        return Page();
    }
}
