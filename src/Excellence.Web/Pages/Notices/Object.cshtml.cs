using System.Globalization;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Features;
using Excellence.Web.Features.Applications;
using Excellence.Web.Features.Notices;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Security;
using Excellence.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Excellence.Web.Pages.Notices;

/// <summary>
/// 实名异议 form of an open notice, public. Rate-limited per address; a honeypot field and a signed form token with a
/// minimum fill time keep robots out without a third-party captcha. Outside the period the form says when it was.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ServiceSetup.ObjectionRateLimit)]
public sealed class ObjectModel(GetNotice.Handler get, FileObjection.Handler file, ObjectionGuard guard, TimeProvider clock, StringCatalog catalog)
    : PageModel
{
    public sealed class InputModel
    {
        public string? ApplicationId { get; set; }
        public string? Name { get; set; }
        public string? IdentityKind { get; set; }
        public string? Identity { get; set; }
        public string? Organization { get; set; }
        public string? Contact { get; set; }
        public string? Email { get; set; }
        public string? Grounds { get; set; }
        public string? FormToken { get; set; }
        /// <summary>The honeypot: hidden from people, filled by robots.</summary>
        public string? Website { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public NoticeView Notice { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public FileObjection.Receipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? application)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.ApplicationId = application?.ToString();
        Input.FormToken = guard.IssueToken(id, clock.UtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        var uploads = Files.Where(f => f.Length > 0).Select(f => new FileObjection.Upload(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var outcome = await file.HandleAsync(new FileObjection.Command(id, Guid.TryParse(Input.ApplicationId, out var a) ? a : null,
                Input.Name, Enum.TryParse<ObjectorIdentity>(Input.IdentityKind, out var kind) ? kind : null, Input.Identity, Input.Organization,
                Input.Contact, Input.Email, Input.Grounds, Input.FormToken, Input.Website, uploads), HttpContext.RequestAborted);
            switch (outcome.Kind)
            {
                case OutcomeKind.Ok:
                    Receipt = outcome.Value;
                    return Page();
                case OutcomeKind.Invalid:
                    outcome.Errors.AddTo(ModelState, catalog);
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                case OutcomeKind.NotFound:
                    return NotFound();
                default:
                    Refusal = catalog.Text(outcome.Reason!, CultureInfo.CurrentUICulture);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
            }
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var outcome = await get.HandleAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Notice = outcome.Value!;
        var open = Domain.Permissions.CanObject(new PublicNotice { Id = Notice.Id, StartDate = Notice.StartDate }, clock.UtcNow());
        if (!open) Refusal = catalog.Text(open.Reason!, CultureInfo.CurrentUICulture);
        return true;
    }
}
