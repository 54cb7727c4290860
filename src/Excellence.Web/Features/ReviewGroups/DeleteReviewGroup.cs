using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.ReviewGroups;

/// <summary>Removes a review group that no assignment or consensus refers to yet.</summary>
public static class DeleteReviewGroup
{
    public sealed class Handler(AppDb db, AuditRecorder audit)
    {
        public async Task<Outcome<Done>> HandleAsync(Actor actor, int year, Guid id, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Done>.Denied(may);
            var group = await db.ReviewGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id && g.Year == year, ct);
            if (group is null) return Outcome<Done>.NotFound();
            if (await db.Assignments.AnyAsync(a => a.ReviewGroupId == id, ct) || await db.Consensus.AnyAsync(c => c.ReviewGroupId == id, ct))
                return Outcome<Done>.Conflict(new Problem("ReviewGroups.InUse"));
            db.ReviewGroups.Remove(group);
            audit.Describe("ReviewGroups.Deleted");
            await db.SaveChangesAsync(ct);
            return Outcome<Done>.Ok(Done.Instance);
        }
    }
}
