using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.SiteVisits;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.SiteVisits;

/// <summary>A team member or the secretariat logs an interview or a document seen: time, person/document, note.</summary>
public static class AddSiteVisitLogEntry
{
    public sealed record Command(Guid Id, string? Time, string? Subject, string? Note);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var v = await db.LoadVisitAsync(command.Id, ct);
            if (v is null) return Outcome<int>.NotFound();
            var may = Permissions.CanRecordSiteVisit(actor, v);
            if (may.Hidden) return Outcome<int>.NotFound();
            if (!may) return Outcome<int>.Conflict(may.Reason!);
            var problems = new FieldProblems();
            var time = (command.Time ?? "").Trim();
            var subject = (command.Subject ?? "").Trim();
            var note = (command.Note ?? "").Trim();
            if (time.Length == 0) problems.Add("time", "Validation.Required");
            if (time.Length > 50) problems.Add("time", "Validation.TooLong", 50);
            if (subject.Length == 0) problems.Add("subject", "Validation.Required");
            if (subject.Length > 200) problems.Add("subject", "Validation.TooLong", 200);
            if (note.Length > 4000) problems.Add("note", "Validation.TooLong", 4000);
            if (problems.Count > 0) return Outcome<int>.Invalid(problems);
            v.Log = [.. v.Log, new SiteVisitLogEntry(time, subject, note, actor.Name)];
            v.UpdatedAt = clock.UtcNow();
            v.Version++;
            audit.Describe("SiteVisit.Logged", subject);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(v.Version);
        }
    }
}
