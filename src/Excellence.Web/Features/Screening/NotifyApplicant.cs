using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// Tells the applicant (the organisation's contact e-mail and its applicant accounts) of a supplement request
/// or a screening decision, in Chinese like every notice of the association. A failed send is logged, never fatal.
/// </summary>
public static class NotifyApplicant
{
    public sealed class Handler(AppDb db, Mailer mailer, StringCatalog catalog, IOptions<ExcellenceOptions> options, ILogger<Handler> log)
    {
        public async Task SendAsync(Application a, string subjectKey, string bodyKey, string path, object[] bodyArgs, CancellationToken ct)
        {
            var contact = await db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.ContactEmail).FirstOrDefaultAsync(ct);
            var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).FirstOrDefaultAsync(ct);
            var accounts = await db.Users.Where(u => u.OrganizationId == a.OrganizationId && !u.IsDisabled && u.Email != null
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == applicantRole))
                .Select(u => u.Email!).ToListAsync(ct);
            var to = new[] { contact }.Concat(accounts).Where(e => !string.IsNullOrWhiteSpace(e))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}{path}";
            var subject = catalog.Text(subjectKey, zh, a.ReceiptNumber ?? "");
            var body = catalog.Text(bodyKey, zh, [a.Title, a.ReceiptNumber ?? "", .. bodyArgs, link]);
            foreach (var address in to)
            {
                try { await mailer.SendAsync(new OutgoingMail(address!, subject, body), ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Screening notice for {Receipt} to {To} failed", a.ReceiptNumber, address);
                }
            }
        }
    }
}
