using System.Globalization;
using System.Text;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// One button: a mail to every expert with unfinished sheets in the year (and category) of the preliminary review,
/// each listing only its own pending applications. Audited (who was reminded of how many sheets).
/// </summary>
public static class SendReviewReminders
{
    public sealed record Sent(int Experts, int Sheets);

    public sealed class Handler(AppDb db, Mailer mailer, AuditRecorder audit, StringCatalog catalog, IOptions<ExcellenceOptions> options)
    {
        private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

        public async Task<Outcome<Sent>> HandleAsync(Actor actor, int year, Category? category, CancellationToken ct = default)
        {
            var may = Permissions.CanFollowReviews(actor);
            if (!may) return Outcome<Sent>.Denied(may);
            var cells = await ReviewProgress.CellsAsync(db, year, category, ct);
            var pending = cells.Where(c => c.Status != ReviewStatus.Submitted && c.Stage == Stage.PreliminaryReview)
                .GroupBy(c => c.ExpertId).Where(g => !string.IsNullOrWhiteSpace(g.First().ExpertEmail)).ToList();
            var sheets = 0;
            var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Expert";
            foreach (var expert in pending)
            {
                var first = expert.First();
                var body = new StringBuilder();
                body.AppendLine(catalog.Text(new Problem("Reviews.ReminderGreeting", first.ExpertName), Zh));
                body.AppendLine();
                body.AppendLine(catalog.Text(new Problem("Reviews.ReminderIntro", year, expert.Count()), Zh));
                foreach (var c in expert.OrderBy(c => c.ReceiptNumber, StringComparer.Ordinal))
                    body.AppendLine($"- {c.ReceiptNumber} {c.Title}（{catalog.Text(new Problem(c.Status == ReviewStatus.Draft ? "Reviews.Status.Draft" : "Reviews.Status.Empty"), Zh)}）");
                body.AppendLine();
                body.AppendLine(catalog.Text(new Problem("Reviews.ReminderLink", link), Zh));
                await mailer.SendAsync(new OutgoingMail(first.ExpertEmail, catalog.Text(new Problem("Reviews.ReminderSubject", year, expert.Count()), Zh),
                    body.ToString()), ct);
                audit.Record("Review.ReminderSent", nameof(Expert), first.ExpertId.ToString(),
                    after: new { year, category, pending = expert.Select(c => c.ReceiptNumber ?? c.ApplicationId.ToString()).ToList() });
                sheets += expert.Count();
            }
            audit.Describe("Review.ReminderSent");
            await db.SaveChangesAsync(ct);
            return Outcome<Sent>.Ok(new Sent(pending.Count, sheets));
        }
    }
}
