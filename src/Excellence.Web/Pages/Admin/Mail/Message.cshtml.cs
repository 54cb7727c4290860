using Excellence.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Excellence.Web.Pages.Admin.Mail;

/// <summary>One stored mail: its headers and text body (Razor escapes both), or the .eml itself as a download.</summary>
public sealed class MessageModel(Mailer mailer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "file")] public string? FileName { get; set; }
    public MimeMessage Mail { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(FileName) || mailer.Open(FileName) is not { } mail) return NotFound();
        Mail = mail;
        return Page();
    }

    public IActionResult OnGetDownload()
    {
        // Open() refuses anything that is not a plain .eml name of the directory, so the path below is safe.
        if (string.IsNullOrEmpty(FileName) || mailer.Open(FileName) is null) return NotFound();
        return PhysicalFile(Path.Combine(mailer.PickupDirectory, FileName), "message/rfc822", FileName);
    }
}
