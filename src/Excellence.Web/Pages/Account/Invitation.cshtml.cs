using Excellence.Web.Data;
using Excellence.Web.Features;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account;

/// <summary>The link of an invitation: the invitee chooses a name and password and joins the organisation.</summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class InvitationModel(AcceptInvitation.Handler accept, SignInManager<User> signIn, UserManager<User> users,
    AuditRecorder audit, TimeProvider clock, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class AcceptInput
    {
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public AcceptInput Input { get; set; } = new();
    public AcceptInvitation.Pending? Pending { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Pending = (await accept.Find(Token, HttpContext.RequestAborted)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Pending = (await accept.Find(Token, HttpContext.RequestAborted)).Value;
        if (Pending is null) return Page();
        if (!string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", T["Account.PasswordsDiffer"]);
            return Page();
        }
        var outcome = await accept.Handle(new AcceptInvitation.Command(Token, Input.DisplayName, Input.Password), HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors.AddTo(ModelState, catalog);
            return Page();
        }
        if (!outcome.IsOk) return Page();
        var user = await users.FindByIdAsync(outcome.Value!.Id.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        await SignInModel.RecordSignIn(users, audit, clock, user!);
        TempData["Flash"] = T["Organization.Invitation.Welcome", Pending.OrganizationName].Value;
        return Redirect("/Organization/Profile");
    }
}
