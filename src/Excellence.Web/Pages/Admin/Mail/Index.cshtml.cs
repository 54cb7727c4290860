using Excellence.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Excellence.Web.Pages.Admin.Mail;

/// <summary>The mails written as .eml files (when no SMTP server is configured), newest first.</summary>
public sealed class IndexModel(Mailer mailer) : PageModel
{
    public IReadOnlyList<Mailer.StoredMail> Mails { get; private set; } = [];

    public void OnGet() => Mails = mailer.List();
}
