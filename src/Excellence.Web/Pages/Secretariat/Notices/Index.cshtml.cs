using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Features.Notices;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Secretariat.Notices;

/// <summary>The secretariat's notices: publish the approved list of a year (choose the first day) and see every notice.</summary>
public sealed class IndexModel(GetNotice.Handler get, PublishNotice.Handler publish, StringCatalog catalog, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public int Year { get; set; }
        public DateOnly? StartDate { get; set; }
        public string? Contact { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<NoticeSummary> Notices { get; private set; } = [];
    public NoticeSummary? Published { get; private set; }

    public async Task OnGetAsync()
    {
        var today = clock.Today();
        Input = new InputModel { Year = today.Year, StartDate = today };
        Notices = await get.ListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await publish.HandleAsync(HttpContext.RequiredActor(), new PublishNotice.Command(Input.Year, Input.StartDate, Input.Contact));
        if (outcome.IsOk) Published = outcome.Value;
        else if (outcome.Kind == OutcomeKind.Invalid) { ModelState.Clear(); outcome.Errors.AddTo(ModelState, catalog); }
        else if (outcome.Kind == OutcomeKind.NotFound) ModelState.AddModelError("", catalog.Text("Notice.NoSuchYear", System.Globalization.CultureInfo.CurrentUICulture, Input.Year));
        else outcome.Reason!.AddTo(ModelState, catalog);
        Notices = await get.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
