using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Approvals;

/// <summary>The approval meetings of a year the caller may see: all for the secretariat, those it is invited to for an approver.</summary>
public static class ListMeetings
{
    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<MeetingRow>> HandleAsync(Actor actor, int? year, CancellationToken ct = default)
        {
            var q = db.ApprovalMeetings.AsNoTracking().AsQueryable();
            if (year is { } y) q = q.Where(m => m.Year == y);
            if (!actor.Is(Roles.Secretariat))
                q = actor.Is(Roles.Approver) ? q.Where(m => m.Attendees.Any(a => a.UserId == actor.UserId)) : q.Where(_ => false);
            return await q.OrderByDescending(m => m.Year).ThenByDescending(m => m.HeldAt)
                .Select(m => new MeetingRow(m.Id, m.Year, m.Title, m.HeldAt, m.Place, m.Status, m.Attendees.Count, m.Attendees.Count(a => a.Present)))
                .ToListAsync(ct);
        }
    }

    /// <summary>Users with role Approver who may be invited (not disabled), by name.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name, string Email)>> ApproversAsync(AppDb db, CancellationToken ct = default)
    {
        {
            var rows = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Approver && !u.IsDisabled
                              select new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
            return rows.Select(u => (u.Id, string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? "" : u.DisplayName, u.Email ?? ""))
                .OrderBy(u => u.Item2, StringComparer.Ordinal).ToList();
        }
    }
}

/// <summary>One meeting with its list; hidden (404) from anyone not the secretariat or an invited approver.</summary>
public static class GetMeeting
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<MeetingView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var m = await db.ApprovalMeetings.AsNoTracking().Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return Outcome<MeetingView>.NotFound();
            var may = Permissions.CanReadApprovalMeeting(actor, m);
            if (!may) return Outcome<MeetingView>.Denied(may);
            return Outcome<MeetingView>.Ok(await db.ViewAsync(m, actor, ct));
        }
    }
}
