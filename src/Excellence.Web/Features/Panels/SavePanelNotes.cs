using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>The secretariat or the chair notes the questions and answers of one item.</summary>
public static class SavePanelNotes
{
    public sealed record Command(Guid MeetingId, Guid ApplicationId, string? Questions);

    public sealed class Handler(AppDb db, AuditRecorder audit)
    {
        public async Task<Outcome<Done>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<Done>.NotFound();
            var item = m.Items.FirstOrDefault(i => i.ApplicationId == command.ApplicationId);
            if (item is null) return Outcome<Done>.NotFound();
            var may = Permissions.CanChairPanelItem(actor, m, item);
            if (may.Hidden) return Outcome<Done>.NotFound();
            if (!may) return may.Reason!.Key == "Panel.ItemConcluded" ? Outcome<Done>.Conflict(may.Reason) : Outcome<Done>.Forbidden(may.Reason!);
            var text = (command.Questions ?? "").Trim();
            if (text.Length > 20000) return Outcome<Done>.Invalid("questions", "Validation.TooLong", 20000);
            item.Questions = text;
            item.Version++;
            audit.Describe("Panel.NotesSaved");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Done>.Stale(); }
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
