using Excellence.Web.Features;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Organization;

/// <summary>The organisation's users; invite a colleague by e-mail or revoke an open invitation.</summary>
public sealed class MembersModel(ListMembers.Handler list, InviteColleague.Handler invite, RevokeInvitation.Handler revoke,
    StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class InviteInput
    {
        public string? Email { get; set; }
    }

    [BindProperty] public InviteInput Input { get; set; } = new();
    public ListMembers.Members? Members { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        ModelState.Clear();
        var outcome = await invite.Handle(HttpContext.RequiredActor(), new InviteColleague.Command(Input.Email), HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            TempData["Flash"] = T["Organization.Members.Invited", Input.Email!.Trim()].Value;
            return Redirect("/Organization/Members");
        }
        if (outcome.Kind != OutcomeKind.Invalid) return NotFound();
        outcome.Errors.AddTo(ModelState, catalog);
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var outcome = await revoke.Handle(HttpContext.RequiredActor(), id, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk)
        {
            outcome.Reason!.AddTo(ModelState, catalog);
            return await Load() ? Page() : NotFound();
        }
        TempData["Flash"] = T["Organization.Members.Revoked"].Value;
        return Redirect("/Organization/Members");
    }

    private async Task<bool> Load()
    {
        var outcome = await list.Handle(HttpContext.RequiredActor(), HttpContext.RequestAborted);
        Members = outcome.Value;
        return outcome.IsOk;
    }
}
