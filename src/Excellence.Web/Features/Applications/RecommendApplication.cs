using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Infrastructure.Hosting;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Applications;

/// <summary>
/// The named recommender writes its opinion (上级单位推荐意见) and recommends the application to screening,
/// or returns it to the applicant with a reason, which makes it an editable draft again.
/// </summary>
public static class RecommendApplication
{
    public sealed record Command(Guid Id, RecommendationDecision? Decision, string? Opinion);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, Mailer mailer, StringCatalog catalog,
        IOptions<ExcellenceOptions> options, ILogger<Handler> log)
    {
        public async Task<Outcome<Stage>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == command.Id, ct);
            if (a is null) return Outcome<Stage>.NotFound();
            var may = Permissions.CanRecommendApplication(actor, a);
            if (may.Hidden) return Outcome<Stage>.NotFound();
            if (!may) return Outcome<Stage>.Conflict(may.Reason!);

            var problems = new FieldProblems();
            if (command.Decision is null) problems.Add("decision", "Validation.Choice");
            var opinion = (command.Opinion ?? "").Trim();
            if (opinion.Length == 0)
                problems.Add("opinion", command.Decision == RecommendationDecision.Return ? "Recommendation.ReasonRequired" : "Validation.Required");
            if (opinion.Length > 5000) problems.Add("opinion", "Validation.TooLong", 5000);
            if (problems.Count > 0) return Outcome<Stage>.Invalid(problems);

            var now = clock.UtcNow();
            var decision = command.Decision!.Value;
            db.StageChanges.Add(Workflow.Apply(a, decision == RecommendationDecision.Recommend ? Move.Recommend : Move.Return, actor, now, opinion));
            a.RecommenderDecision = decision;
            a.RecommenderOpinion = opinion;
            a.RecommenderOpinionDate = clock.Today();
            a.RecommendedBy = actor.UserId;
            a.RecommendedByName = actor.Name;
            a.Version++;
            audit.Describe(decision == RecommendationDecision.Recommend ? "Application.Recommended" : "Application.Returned", opinion);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Stage>.Stale(); }
            if (decision == RecommendationDecision.Return) await NotifyReturnAsync(a, opinion, ct);
            return Outcome<Stage>.Ok(a.Stage);
        }

        private async Task NotifyReturnAsync(Application a, string reason, CancellationToken ct)
        {
            var to = await db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.ContactEmail).FirstOrDefaultAsync(ct);
            if (string.IsNullOrWhiteSpace(to)) return;
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Organization/Applications/{a.Id}";
            try
            {
                await mailer.SendAsync(new OutgoingMail(to, catalog.Text("Application.Mail.ReturnedSubject", zh, a.ReceiptNumber ?? ""),
                    catalog.Text("Application.Mail.ReturnedBody", zh, a.Title, a.ReceiptNumber ?? "", reason, link)), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Return notice for {Receipt} failed", a.ReceiptNumber);
            }
        }
    }
}
