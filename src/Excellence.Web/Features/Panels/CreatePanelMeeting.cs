using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>The secretariat plans a panel meeting of a year: title, date, place, members and chair.</summary>
public static class CreatePanelMeeting
{
    public sealed record Command(int Year, PanelMeetingForm Form);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManagePanelMeeting(actor);
            if (!may) return Outcome<Guid>.Denied(may);
            var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == command.Year, ct);
            if (round is null) return Outcome<Guid>.NotFound();
            var problems = await command.Form.ValidateAsync(db, ct);
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);
            var now = clock.UtcNow();
            var m = new PanelMeeting { RoundId = round.Id, Year = round.Year, CreatedAt = now, UpdatedAt = now };
            command.Form.ApplyTo(m);
            db.PanelMeetings.Add(m);
            audit.Describe("Panel.MeetingCreated", m.Title);
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(m.Id);
        }
    }
}
