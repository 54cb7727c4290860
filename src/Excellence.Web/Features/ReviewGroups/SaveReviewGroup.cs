using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.ReviewGroups;

public sealed record ReviewGroupInput(Category? Category, string? Name, Guid? LeaderExpertId, IReadOnlyList<Guid>? MemberIds);

public sealed record ReviewGroupMemberView(Guid ExpertId, string Name, string OrganizationName);

public sealed record ReviewGroupView(Guid Id, int Year, Category Category, string Name, Guid? LeaderExpertId, string? LeaderName,
    IReadOnlyList<ReviewGroupMemberView> Members, int Version);

/// <summary>
/// 评审工作组 of a year and category: created or edited by the secretariat; the leader (组长) must be one of the
/// members, and members are active pool experts.
/// </summary>
public static class SaveReviewGroup
{
    public sealed record Command(int Year, Guid? Id, int? Version, ReviewGroupInput Input);

    public sealed class Handler(AppDb db, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Guid>.Denied(may);
            var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == command.Year, ct);
            if (round is null) return Outcome<Guid>.NotFound();
            ReviewGroup? group = null;
            if (command.Id is { } id)
            {
                group = await db.ReviewGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id && g.Year == command.Year, ct);
                if (group is null) return Outcome<Guid>.NotFound();
                if (command.Version is { } v && v != group.Version) return Outcome<Guid>.Stale();
            }
            var input = command.Input;
            var problems = new FieldProblems();
            var name = (input.Name ?? "").Trim();
            if (name.Length == 0) problems.Add("name", "Validation.Required");
            else if (name.Length > 100) problems.Add("name", "Validation.TooLong", 100);
            if (input.Category is null) problems.Add("category", "Validation.Required");
            var members = (input.MemberIds ?? []).Distinct().ToList();
            var known = await db.Experts.AsNoTracking().Where(e => members.Contains(e.Id)).Select(e => new { e.Id, e.IsActive }).ToListAsync(ct);
            if (known.Count != members.Count || known.Any(k => !k.IsActive)) problems.Add("memberIds", "ReviewGroups.UnknownMember");
            if (input.LeaderExpertId is { } leader && !members.Contains(leader)) problems.Add("leaderExpertId", "ReviewGroups.LeaderNotMember");
            if (problems.Count > 0) return Outcome<Guid>.Invalid(problems);

            if (group is null)
            {
                group = new ReviewGroup { RoundId = round.Id, Year = round.Year };
                db.ReviewGroups.Add(group);
                audit.Describe("ReviewGroups.Created");
            }
            else
            {
                group.Version++;
                audit.Describe("ReviewGroups.Updated");
            }
            group.Category = input.Category!.Value;
            group.Name = name;
            group.LeaderExpertId = input.LeaderExpertId;
            group.Members.RemoveAll(m => !members.Contains(m.ExpertId));
            foreach (var m in members.Where(m => group.Members.All(x => x.ExpertId != m)))
                group.Members.Add(new ReviewGroupMember { ReviewGroupId = group.Id, ExpertId = m });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Guid>.Stale(); }
            return Outcome<Guid>.Ok(group.Id);
        }
    }
}
