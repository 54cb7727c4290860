using System.Globalization;
using System.Text.Json;
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
/// Submission: before the deadline by the server's clock (Asia/Shanghai), complete, within the limits and
/// eligible; numbered per year and category (2026-OM-0001), frozen as a snapshot, confirmed by mail.
/// </summary>
public static class SubmitApplication
{
    public sealed record Command(Guid Id, int? ExpectedVersion);

    public sealed record Submitted(string ReceiptNumber, Stage Stage, int Version, DateTime SubmittedAt);

    private const int Attempts = 10;
    private static readonly SemaphoreSlim ReceiptGate = new(1, 1);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, Mailer mailer, StringCatalog catalog,
        IOptions<ExcellenceOptions> options, ILogger<Handler> log)
    {
        public async Task<Outcome<Submitted>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var loaded = await db.LoadAsync(command.Id, ct);
                if (loaded is null) return Outcome<Submitted>.NotFound();
                var (a, org, round, limits) = loaded;
                var now = clock.UtcNow();
                var may = Permissions.CanSubmitApplication(actor, a, round, now);
                if (may.Hidden) return Outcome<Submitted>.NotFound();
                if (!may) return Outcome<Submitted>.Conflict(may.Reason!);
                if (command.ExpectedVersion is { } v && v != a.Version) return Outcome<Submitted>.Stale();

                var problems = ApplicationRules.BeforeSubmission(a, org, limits, clock.Today()).ToList();
                if (a.IsDirect && !org.MayApplyDirectly) problems.Add(new FieldProblem("direct", new Problem("Application.DirectNotAllowed")));
                if (problems.Count > 0) return Outcome<Submitted>.Invalid(problems);

                var change = Workflow.Apply(a, a.IsDirect ? Move.SubmitDirect : Move.SubmitForRecommendation, actor, now);
                db.StageChanges.Add(change);
                // Numbering and saving one at a time within this process: with 50 applicants submitting at once,
                // optimistic retries alone ran out of attempts (the applications benchmark saw 842 of 2,000 answer 500).
                // The retry below still covers another process taking the number.
                var gated = a.ReceiptNumber is null;
                if (gated) await ReceiptGate.WaitAsync(ct);
                try
                {
                    a.ReceiptNumber ??= await NextReceiptNumberAsync(a, ct);
                    a.SubmittedAt = now;
                    a.Version++;
                    a.UpdatedBy = actor.UserId;
                    a.UpdatedByName = actor.Name;
                    // A resubmission after a return starts the recommendation afresh.
                    a.RecommenderDecision = null;
                    a.RecommenderOpinion = "";
                    a.RecommenderOpinionDate = null;
                    a.RecommendedBy = null;
                    a.RecommendedByName = null;
                    var recommenderName = await loaded.RecommenderNameAsync(db, ct);
                    a.SnapshotJson = JsonSerializer.Serialize(ApplicationShape.ToDto(a, org, recommenderName, clock.Today(), liveProfile: true, evidence: await loaded.EvidenceAsync(db, ct)), ApplicationShape.Json);
                    audit.Describe("Application.Submitted");
                    try
                    {
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || IsUniqueViolation(e)))
                    {
                        // Another submission took this receipt number, or this draft changed meanwhile: start over.
                        continue;
                    }
                }
                finally
                {
                    if (gated) ReceiptGate.Release();
                }
                await ConfirmAsync(actor, a, org, ct);
                return Outcome<Submitted>.Ok(new Submitted(a.ReceiptNumber!, a.Stage, a.Version, now));
            }
        }

        private async Task<string> NextReceiptNumberAsync(Application a, CancellationToken ct)
        {
            var prefix = $"{a.Year}-{ApplicationLoading.ReceiptCode(a.Category)}-";
            // The highest number so far: longest first, then lexicographic, which is numeric order for zero-padded
            // numbers and stays right past 9999. One row, not every receipt of the year.
            var highest = await db.Applications.AsNoTracking()
                .Where(x => x.ReceiptNumber != null && x.ReceiptNumber.StartsWith(prefix))
                .Select(x => x.ReceiptNumber!)
                .OrderByDescending(n => n.Length).ThenByDescending(n => n)
                .FirstOrDefaultAsync(ct);
            var last = highest is not null && int.TryParse(highest[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0;
            return prefix + (last + 1).ToString("D4", CultureInfo.InvariantCulture);
        }

        private static bool IsUniqueViolation(DbUpdateException e) =>
            e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
            || e.InnerException is Npgsql.PostgresException { SqlState: "23505" };

        private async Task ConfirmAsync(Actor actor, Application a, Domain.Organizations.Organization org, CancellationToken ct)
        {
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            var userEmail = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/Organization/Applications/{a.Id}";
            var subject = catalog.Text("Application.Mail.SubmittedSubject", zh, a.ReceiptNumber!);
            var body = catalog.Text("Application.Mail.SubmittedBody", zh, org.Name, a.Title, a.ReceiptNumber!,
                catalog.Text(Reference.Key(a.Category), zh), catalog.Text(Reference.Key(a.Stage), zh), link);
            foreach (var to in new[] { org.ContactEmail, userEmail }.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                try { await mailer.SendAsync(new OutgoingMail(to!, subject, body), ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The submission stands; a failed confirmation is logged, never a reason to undo it.
                    log.LogWarning(e, "Submission confirmation for {Receipt} to {To} failed", a.ReceiptNumber, to);
                }
            }
        }
    }
}
