using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// Puts applications on the agenda: the year's benchmark candidates in panel review (one click), or the ones the
/// secretariat names (in panel review or site verification). Conflicted members are recused on each new item at once.
/// </summary>
public static class AddPanelItems
{
    public sealed record Command(Guid MeetingId, IReadOnlyList<Guid>? ApplicationIds, bool Candidates);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public static readonly IReadOnlySet<Stage> Eligible = new HashSet<Stage> { Stage.PanelReview, Stage.SiteVerification };

        public async Task<Outcome<int>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManagePanelMeeting(actor);
            if (!may) return Outcome<int>.Denied(may);
            var m = await db.LoadMeetingAsync(command.MeetingId, ct);
            if (m is null) return Outcome<int>.NotFound();
            var present = m.Items.Select(i => i.ApplicationId).ToHashSet();
            List<Guid> ids;
            if (command.Candidates)
                ids = await db.Applications.AsNoTracking()
                    .Where(a => a.Year == m.Year && a.Stage == Stage.PanelReview && a.IsBenchmarkCandidate)
                    .OrderByDescending(a => a.PreliminaryScore).ThenBy(a => a.ReceiptNumber).Select(a => a.Id).ToListAsync(ct);
            else
            {
                var wanted = (command.ApplicationIds ?? []).Distinct().ToList();
                if (wanted.Count == 0) return Outcome<int>.Invalid("applicationIds", "Validation.Required");
                var stages = Eligible.ToList();
                ids = await db.Applications.AsNoTracking().Where(a => wanted.Contains(a.Id) && a.Year == m.Year && stages.Contains(a.Stage))
                    .Select(a => a.Id).ToListAsync(ct);
                if (ids.Count != wanted.Count) return Outcome<int>.Invalid("applicationIds", "Panel.NotInPanelReview");
            }
            ids = ids.Where(id => !present.Contains(id)).ToList();
            if (ids.Count == 0) return Outcome<int>.Ok(0);
            var order = m.Items.Count == 0 ? 0 : m.Items.Max(i => i.Order);
            foreach (var id in ids)
            {
                var item = new PanelItem { MeetingId = m.Id, ApplicationId = id, Order = ++order };
                m.Items.Add(item);
                db.PanelItems.Add(item);
            }
            await db.SyncRecusalsAsync(m, clock.UtcNow(), ct);
            m.Version++;
            m.UpdatedAt = clock.UtcNow();
            audit.Describe(command.Candidates ? "Panel.CandidatesAdded" : "Panel.ItemsAdded");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<int>.Stale(); }
            return Outcome<int>.Ok(ids.Count);
        }
    }
}
