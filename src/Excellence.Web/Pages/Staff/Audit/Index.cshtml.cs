using Excellence.Web.Api;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Audit;
using Excellence.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Pages.Staff.Audit;

/// <summary>The audit log with filters and paging, and a check of the whole hash chain on request.</summary>
public sealed class IndexModel(SearchAudit.Handler search, AppDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? RecordType { get; set; }
    [BindProperty(SupportsGet = true)] public string? RecordId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ListPage<SearchAudit.Entry> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<string> RecordTypes { get; private set; } = [];
    /// <summary>Set after "verify the chain": the entries checked and the first break, if any.</summary>
    public (int Count, AuditChain.Break? Broken)? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load();

    /// <summary>Reads only, so a GET; the button is a form of its own.</summary>
    public async Task<IActionResult> OnGetVerifyAsync()
    {
        var broken = await AuditVerification.VerifyAsync(db, HttpContext.RequestAborted);
        Verification = (await db.AuditEvents.CountAsync(HttpContext.RequestAborted), broken);
        return await Load();
    }

    private async Task<IActionResult> Load()
    {
        var outcome = await search.Handle(HttpContext.RequiredActor(),
            new SearchAudit.Query(RecordType, RecordId, Actor, Action, From, To, Math.Max(1, PageNumber), PageSize), HttpContext.RequestAborted);
        if (!outcome.IsOk) return Forbid();
        Result = outcome.Value!;
        RecordTypes = await db.AuditEvents.Select(e => e.RecordType).Distinct().OrderBy(t => t).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public string PageLink(int page)
    {
        string E(string? v) => Uri.EscapeDataString(v ?? "");
        return $"/Staff/Audit?recordType={E(RecordType)}&recordId={E(RecordId)}&actor={E(Actor)}&action={E(Action)}" +
               $"&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&page={page}";
    }
}
