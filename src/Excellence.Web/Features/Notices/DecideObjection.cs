using System.Globalization;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

/// <summary>
/// The secretariat's decision on an objection after investigating. Upheld: the result is changed to another level
/// or revoked (公示中 → 审定未通过, with the findings as the reason). Dismissed: the result stands. The objector is
/// answered by mail when they gave an address, otherwise the record says they were answered by phone (note
/// required); the applicant is told when an objection against it is upheld.
/// </summary>
public static class DecideObjection
{
    public enum Verdict { Upheld, Dismissed }

    public sealed record Command(Guid Id, int? Version, Verdict? Verdict, string? Findings, ObjectionRemedy? Remedy, Level? NewLevel,
        string? Explanation, string? PhoneNote);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, PersonalData pii, Mailer mailer, StringCatalog catalog,
        ILogger<Handler> log)
    {
        public async Task<Outcome<ObjectionStatus>> HandleAsync(Actor actor, Command c, CancellationToken ct = default)
        {
            var read = Permissions.CanReadObjections(actor);
            if (!read) return Outcome<ObjectionStatus>.Denied(read);
            var o = await db.Objections.FirstOrDefaultAsync(x => x.Id == c.Id, ct);
            if (o is null) return Outcome<ObjectionStatus>.NotFound();
            var may = Permissions.CanDecideObjection(actor, o);
            if (!may) return Outcome<ObjectionStatus>.Conflict(may.Reason!);
            if (c.Version is { } v && v != o.Version) return Outcome<ObjectionStatus>.Stale();
            var a = await db.Applications.FirstAsync(x => x.Id == o.ApplicationId, ct);

            var problems = new FieldProblems();
            if (c.Verdict is null) problems.Add("verdict", "Validation.Choice");
            var findings = (c.Findings ?? "").Trim();
            if (findings.Length == 0) problems.Add("findings", "Validation.Required");
            else if (findings.Length > Objection.FindingsMax) problems.Add("findings", "Validation.TooLong", Objection.FindingsMax);
            var explanation = (c.Explanation ?? "").Trim();
            if (explanation.Length == 0) problems.Add("explanation", "Validation.Required");
            else if (explanation.Length > 2000) problems.Add("explanation", "Validation.TooLong", 2000);
            var note = (c.PhoneNote ?? "").Trim();
            if (!o.HasEmail && note.Length == 0) problems.Add("phoneNote", "Objection.PhoneNoteRequired");
            if (note.Length > 2000) problems.Add("phoneNote", "Validation.TooLong", 2000);
            if (c.Verdict == Verdict.Upheld)
            {
                if (c.Remedy is null) problems.Add("remedy", "Validation.Choice");
                else if (c.Remedy == ObjectionRemedy.ChangeLevel && (c.NewLevel is null || c.NewLevel == a.ApprovedLevel))
                    problems.Add("newLevel", "Objection.NewLevelRequired");
            }
            if (problems.Count > 0) return Outcome<ObjectionStatus>.Invalid(problems);
            if (c.Verdict == Verdict.Upheld && a.Stage != Stage.PublicNotice)
                return Outcome<ObjectionStatus>.Conflict(new Problem("Objection.NoLongerOnNotice"));

            var now = clock.UtcNow();
            o.Status = c.Verdict == Verdict.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
            o.Findings = findings;
            o.Explanation = explanation;
            o.DecidedAt = now;
            o.DecidedBy = actor.UserId;
            o.DecidedByName = actor.Name;
            o.AnsweredBy = o.HasEmail ? ObjectionAnswer.Mail : ObjectionAnswer.Phone;
            o.AnswerNote = note;
            o.LevelBefore = a.ApprovedLevel;
            o.Version++;
            if (o.Status == ObjectionStatus.Upheld)
            {
                o.Remedy = c.Remedy;
                if (c.Remedy == ObjectionRemedy.Revoke) db.StageChanges.Add(Workflow.Apply(a, Move.RevokeResult, actor, now, findings));
                else
                {
                    o.NewLevel = c.NewLevel;
                    a.ApprovedLevel = c.NewLevel;
                    a.UpdatedAt = now;
                }
                a.Version++;
            }
            audit.Describe(o.Status == ObjectionStatus.Upheld ? "Objection.Upheld" : "Objection.Dismissed", findings);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<ObjectionStatus>.Stale(); }
            await NotifyAsync(o, a, ct);
            return Outcome<ObjectionStatus>.Ok(o.Status);
        }

        private async Task NotifyAsync(Objection o, Application a, CancellationToken ct)
        {
            var zh = CultureInfo.GetCultureInfo("zh-CN");
            var verdict = catalog.Text("Objection.Status." + o.Status, zh);
            var result = o.Status != ObjectionStatus.Upheld ? catalog.Text("Objection.Mail.ResultStands", zh)
                : o.Remedy == ObjectionRemedy.Revoke ? catalog.Text("Objection.Mail.ResultRevoked", zh)
                : catalog.Text("Objection.Mail.LevelChanged", zh, catalog.Text(Reference.Key(o.LevelBefore!.Value), zh), catalog.Text(Reference.Key(o.NewLevel!.Value), zh));
            var mails = new List<OutgoingMail>();
            if (o.HasEmail)
                mails.Add(new OutgoingMail(pii.Unprotect(o.EmailCipher), catalog.Text("Objection.Mail.ObjectorSubject", zh, o.ReceiptNumber),
                    catalog.Text("Objection.Mail.ObjectorBody", zh, pii.Unprotect(o.NameCipher), o.ReceiptNumber, verdict, result, o.Explanation)));
            if (o.Status == ObjectionStatus.Upheld)
            {
                var to = await db.Organizations.Where(x => x.Id == a.OrganizationId).Select(x => x.ContactEmail).FirstOrDefaultAsync(ct);
                if (!string.IsNullOrWhiteSpace(to))
                    mails.Add(new OutgoingMail(to, catalog.Text("Objection.Mail.ApplicantSubject", zh, a.ReceiptNumber ?? ""),
                        catalog.Text("Objection.Mail.ApplicantBody", zh, a.Title, a.ReceiptNumber ?? "", result, o.Explanation)));
            }
            foreach (var mail in mails)
            {
                try { await mailer.SendAsync(mail, ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Objection answer for {Receipt} failed", o.ReceiptNumber);
                }
            }
        }
    }
}
