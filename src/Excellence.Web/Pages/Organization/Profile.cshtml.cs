using Excellence.Web.Features;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Organization;

/// <summary>The organisation's profile: read it, or edit it (?edit=true) with the registration's rules.</summary>
public sealed class ProfileModel(GetOrganizationProfile.Handler reader, UpdateOrganizationProfile.Handler updater,
    StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public ProfileForm Org { get; set; } = new();
    /// <summary>The version the form was loaded at; a save over a newer one is refused.</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty(SupportsGet = true)] public bool Edit { get; set; }
    public GetOrganizationProfile.View? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await reader.Handle(HttpContext.RequiredActor(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Current = outcome.Value!;
        Org = ProfileForm.From(Current.Profile);
        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Edit = true;
        var outcome = await updater.Handle(HttpContext.RequiredActor(), new UpdateOrganizationProfile.Command(Org.ToProfile(), Version),
            HttpContext.RequestAborted);
        Current = (await reader.Handle(HttpContext.RequiredActor(), HttpContext.RequestAborted)).Value;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Flash"] = string.Join(" ", new[] { T["Common.Saved"].Value }
                    .Concat(outcome.Value!.Warnings.Select(w => catalog.Text(w.Problem, System.Globalization.CultureInfo.CurrentUICulture))));
                return Redirect("/Organization/Profile");
            case OutcomeKind.Invalid:
                outcome.Errors.AddTo(ModelState, catalog, "Org");
                return Page();
            case OutcomeKind.Stale:
                // The user's input stays in the form; the version stays old, so saving again needs a reload.
                outcome.Reason!.AddTo(ModelState, catalog);
                return Page();
            default:
                return NotFound();
        }
    }
}
