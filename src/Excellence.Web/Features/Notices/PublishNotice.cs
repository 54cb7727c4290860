using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

/// <summary>
/// The secretariat publishes the year's approved list: a notice of 7 natural days from the chosen day (today or
/// later), and every approved application moves to 公示中 in the same save.
/// </summary>
public static class PublishNotice
{
    public sealed record Command(int Year, DateOnly? StartDate, string? Contact);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<NoticeSummary>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanPublishNotice(actor);
            if (!may) return Outcome<NoticeSummary>.Denied(may);
            var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == command.Year, ct);
            if (round is null) return Outcome<NoticeSummary>.NotFound();

            var problems = new FieldProblems();
            problems.Add("startDate", NoticePeriod.CheckStart(command.StartDate, clock.Today()));
            var contact = (command.Contact ?? "").Trim();
            if (contact.Length > 500) problems.Add("contact", "Validation.TooLong", 500);
            if (problems.Count > 0) return Outcome<NoticeSummary>.Invalid(problems);

            var approved = await db.Applications.Where(a => a.Year == command.Year && a.Stage == Stage.Approved && a.ApprovedLevel != null)
                .ToListAsync(ct);
            if (approved.Count == 0) return Outcome<NoticeSummary>.Conflict(new Problem("Notice.NothingApproved", command.Year));

            var now = clock.UtcNow();
            var notice = new PublicNotice
            {
                RoundId = round.Id, Year = round.Year, StartDate = command.StartDate!.Value, Contact = contact,
                CreatedAt = now, CreatedBy = actor.UserId, CreatedByName = actor.Name,
            };
            var ordered = approved.OrderBy(a => a.Category).ThenBy(a => a.ApprovedLevel).ThenBy(a => a.ReceiptNumber).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var a = ordered[i];
                notice.Items.Add(new PublicNoticeItem { NoticeId = notice.Id, ApplicationId = a.Id, Position = i + 1 });
                db.StageChanges.Add(Workflow.Apply(a, Move.StartPublicNotice, actor, now));
                a.Version++;
            }
            db.PublicNotices.Add(notice);
            audit.Describe("Notice.Published", $"{notice.StartDate:yyyy-MM-dd}–{notice.LastDay:yyyy-MM-dd}");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<NoticeSummary>.Stale(); }
            return Outcome<NoticeSummary>.Ok(new NoticeSummary(notice.Id, notice.Year, notice.StartDate, notice.LastDay, notice.StatusAt(now), ordered.Count));
        }
    }
}
