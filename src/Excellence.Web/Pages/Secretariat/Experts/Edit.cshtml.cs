using System.Globalization;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Experts;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Secretariat.Experts;

/// <summary>Add or edit one expert; ties are typed one per line, as in the workbook.</summary>
public sealed class EditModel(GetExpert.Handler get, SaveExpert.Handler save, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? OrganizationName { get; set; }
        public string? OrganizationCreditCode { get; set; }
        public string? GroupName { get; set; }
        public string? GroupCreditCode { get; set; }
        public string? Title { get; set; }
        public string? Phone { get; set; }
        public List<Category> Categories { get; set; } = [];
        public List<Industry> Industries { get; set; } = [];
        public List<string> Sectors { get; set; } = [];
        public string? Affiliations { get; set; }
        public string? UnavailableYears { get; set; }
        public bool IsActive { get; set; } = true;
        public string? Note { get; set; }
        public bool CreateAccount { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool HasAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null) return Page();
        var outcome = await get.HandleAsync(HttpContext.RequiredActor(), id.Value, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk) return Forbid();
        var e = outcome.Value!;
        Id = e.Id;
        HasAccount = e.UserId is not null;
        Input = new Form
        {
            Name = e.Name, Email = e.Email, OrganizationName = e.OrganizationName, OrganizationCreditCode = e.OrganizationCreditCode,
            GroupName = e.GroupName, GroupCreditCode = e.GroupCreditCode, Title = e.Title, Phone = e.PhoneMasked,
            Categories = [.. e.Categories], Industries = [.. e.Industries], Sectors = [.. e.Sectors],
            Affiliations = ExpertSheet.FormatAffiliations(e.Affiliations),
            UnavailableYears = string.Join(", ", e.Availability.Where(a => !a.Available).Select(a => a.Year)),
            IsActive = e.IsActive, Note = e.Note, Version = e.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var problems = new FieldProblems();
        var ties = ExpertSheet.ParseAffiliations(Input.Affiliations, problems, "affiliations");
        var years = new List<AvailabilityInput>();
        foreach (var part in (Input.UnavailableYears ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) years.Add(new AvailabilityInput(y, false, null));
            else problems.Add("unavailableYears", "Experts.Import.UnknownValue", part);
        }
        var input = new ExpertInput(Input.Name, Input.Email, Input.OrganizationName, Input.OrganizationCreditCode, Input.GroupName, Input.GroupCreditCode,
            Input.Title, Input.Phone, Input.Categories, Input.Industries, Input.Sectors, ties, Input.IsActive, Input.Note, years, Input.CreateAccount);
        if (problems.Count > 0)
        {
            // Show every field's problem at once, not only the unreadable ties.
            problems.AddRange(ExpertRules.Validate(input with { Affiliations = [] }));
            problems.AddTo(ModelState, catalog);
            return Page();
        }
        var outcome = await save.HandleAsync(HttpContext.RequiredActor(), new SaveExpert.Command(id, id is null ? null : Input.Version, input),
            HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Experts.Saved"].Value;
            return Redirect($"/Secretariat/Experts/Edit/{outcome.Value}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Invalid)
            outcome.Errors.Select(e => e.Field.StartsWith("affiliations[", StringComparison.Ordinal) ? e with { Field = "affiliations" } : e)
                .AddTo(ModelState, catalog);
        else outcome.Reason!.AddTo(ModelState, catalog);
        return Page();
    }
}
