using System.Globalization;
using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Excellence.Web.Pages.Account;

/// <summary>
/// Authenticator enrolment: the shared key (grouped in fours) and its QR code, a code to prove it works, then
/// ten recovery codes shown once. Required for secretariat and administrator accounts (the middleware sends
/// them here with ?required=true), offered to experts and approvers.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, AuditRecorder audit,
    IOptions<ExcellenceOptions> options, IStringLocalizer<Strings> T) : PageModel
{
    private const string Issuer = "卓越管理创新成果评价平台";

    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    [BindProperty] public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool MayDisable { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await Load(user);
        return Page();
    }

    /// <summary>Creates the authenticator key. A POST of its own, because no GET may write.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            audit.Describe("Account.AuthenticatorKeyCreated");
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key changed the security stamp; renew this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
        }
        return Redirect(Required ? "/Account/TwoFactor?required=true" : "/Account/TwoFactor");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return Redirect("/Account/TwoFactor");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), T["Validation.Required"]);
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), T["Account.BadTwoFactorCode"]);
        if (!ModelState.IsValid)
        {
            await Load(user);
            return Page();
        }
        audit.Describe("Account.TwoFactorEnabled");
        await users.SetTwoFactorEnabledAsync(user, true);
        audit.Describe("Account.RecoveryCodesGenerated");
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        // Enabling changed the security stamp; keep this session, marked as having used the second factor.
        await signIn.RefreshSignInAsync(user);
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await MayTurnOff(user))
        {
            ModelState.AddModelError("", T["Account.TwoFactor.CannotDisable"]);
            await Load(user);
            return Page();
        }
        audit.Describe("Account.TwoFactorDisabled");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = T["Account.TwoFactor.Disabled"].Value;
        return Redirect("/Account/Manage");
    }

    private async Task<bool> MayTurnOff(User user) =>
        !(options.Value.RequireTwoFactorForStaff && (await users.GetRolesAsync(user)).Any(Roles.RequireTwoFactor.Contains));

    private async Task Load(User user)
    {
        Enabled = user.TwoFactorEnabled;
        MayDisable = Enabled && await MayTurnOff(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return; // the page offers "start setup", which creates the key
        SharedKey = Group(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>"abcd efgh …": the key as people type it, lower-case, in groups of four.</summary>
    public static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLower(CultureInfo.InvariantCulture);
    }
}
