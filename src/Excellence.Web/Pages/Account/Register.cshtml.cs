using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features;
using Excellence.Web.Features.Organizations;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Pages.Organization;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Pages.Account;

/// <summary>An organisation registers itself with its first user's account; success signs that user in.</summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.AuthRateLimit)]
public sealed class RegisterModel(RegisterOrganization.Handler register, SignInManager<User> signIn, UserManager<User> users,
    AuditRecorder audit, TimeProvider clock, StringCatalog catalog, IStringLocalizer<Strings> T) : PageModel
{
    public sealed class AccountInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty] public AccountInput Input { get; set; } = new();
    [BindProperty] public ProfileForm Org { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/Account/Manage") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear(); // binding messages are replaced by the domain's own, field by field
        var outcome = await register.Handle(new RegisterOrganization.Command(Input.DisplayName, Input.Email, Input.Password, Org.ToProfile()),
            HttpContext.RequestAborted);
        var mismatch = !string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword;
        if (!outcome.IsOk || mismatch)
        {
            if (mismatch) ModelState.AddModelError("Input.ConfirmPassword", T["Account.PasswordsDiffer"]);
            if (outcome.Kind == OutcomeKind.Invalid) AddErrors(outcome.Errors, ModelState, catalog);
            Input.Password = Input.ConfirmPassword = null;
            return Page();
        }
        var user = await users.FindByIdAsync(outcome.Value!.UserId.ToString());
        await signIn.SignInAsync(user!, isPersistent: false);
        await SignInModel.RecordSignIn(users, audit, clock, user!);
        TempData["Flash"] = string.Join(" ", new[] { T["Organization.Registered"].Value }
            .Concat(outcome.Value.Warnings.Select(w => catalog.Text(w.Problem, System.Globalization.CultureInfo.CurrentUICulture))));
        return Redirect("/Organization/Profile");
    }

    /// <summary>Account fields go under Input, profile fields under Org.</summary>
    internal static void AddErrors(IEnumerable<FieldProblem> errors, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, StringCatalog catalog)
    {
        foreach (var group in errors.GroupBy(e => ProfileForm.Owns(e.Field)))
            group.AddTo(modelState, catalog, group.Key ? "Org" : "Input");
    }
}
