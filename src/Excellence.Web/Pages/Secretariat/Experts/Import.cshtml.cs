using Excellence.Web.Features;
using Excellence.Web.Features.Experts;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Experts;

/// <summary>Upload the expert workbook; all rows or none, with each row's errors listed.</summary>
public sealed class ImportModel(ImportExperts.Handler import, StringCatalog catalog) : PageModel
{
    [BindProperty] public IFormFile? File { get; set; }
    [BindProperty] public bool CreateAccounts { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public ImportExperts.Result? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Outcome<ImportExperts.Result> outcome;
        if (File is null) outcome = Outcome<ImportExperts.Result>.Invalid("file", "Validation.Required");
        else
        {
            await using var content = File.OpenReadStream();
            outcome = await import.HandleAsync(HttpContext.RequiredActor(), new ImportExperts.Command(content, CreateAccounts), HttpContext.RequestAborted);
        }
        if (outcome.IsOk) Result = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid)
        {
            var culture = System.Globalization.CultureInfo.CurrentUICulture;
            Errors = outcome.Errors.Select(e =>
            {
                var parts = e.Field.Split('.', 2);
                if (parts.Length == 2 && parts[0].StartsWith("row", StringComparison.Ordinal))
                {
                    var field = parts[1].Split('[')[0];
                    return catalog.Text("Experts.Import.RowError", culture, parts[0][3..], catalog.Text("Experts.Field." + field, culture),
                        catalog.Text(e.Problem, culture));
                }
                return catalog.Text(e.Problem, culture);
            }).ToList();
        }
        else return Forbid();
        return Page();
    }
}
