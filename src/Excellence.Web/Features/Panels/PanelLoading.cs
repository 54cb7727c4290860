using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

public sealed record PersonView(Guid ExpertId, string Name, string Organization);

public sealed record VoteView(Guid ExpertId, string ExpertName, decimal? Score, PanelLevel? Level, DateTime At);

public sealed record RecusalView(Guid ExpertId, string ExpertName, bool Automatic, string Reason, DateTime At);

/// <summary>One agenda item as the caller may see it (only ever built for a caller allowed to read it).</summary>
public sealed record PanelItemView(Guid ItemId, Guid ApplicationId, int Order, string Title, string OrganizationName, string? ReceiptNumber,
    Category Category, Stage Stage, decimal? PreliminaryScore, bool IsBenchmarkCandidate, string Questions,
    IReadOnlyList<VoteView> Votes, VoteSummary Summary, IReadOnlyList<RecusalView> Recusals,
    PanelLevel? RecommendedLevel, string Reasons, PanelDecision? Decision, DateTime? ConcludedAt, string? ConcludedByName,
    VoteView? MyVote, bool CanVote, bool CanChair, int Version);

/// <summary>A meeting as the caller may see it: a member's view leaves out every item it is recused on.</summary>
public sealed record PanelMeetingView(Guid Id, int Year, string Title, DateTime StartsAt, string Place, PersonView? Chair,
    IReadOnlyList<PersonView> Members, IReadOnlyList<PanelItemView> Items, int Version);

/// <summary>Loading a meeting with its members, items, recusals and votes, and shaping it for one caller.</summary>
public static class PanelLoading
{
    public static Task<PanelMeeting?> LoadMeetingAsync(this AppDb db, Guid id, CancellationToken ct) =>
        db.PanelMeetings.Include(m => m.Members).Include(m => m.Items).ThenInclude(i => i.Recusals)
            .Include(m => m.Items).ThenInclude(i => i.Votes).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>What an application ties to, for conflict detection (organisation and recommender unit).</summary>
    public static async Task<Dictionary<Guid, ApplicantTies>> TiesAsync(this AppDb db, IReadOnlyCollection<Guid> applicationIds, CancellationToken ct)
    {
        var rows = await (from a in db.Applications.AsNoTracking()
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          join r in db.RecommenderUnits on a.RecommenderUnitId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          where applicationIds.Contains(a.Id)
                          select new { a.Id, a.IsDirect, o.Name, o.CreditCode, RName = r == null ? null : r.Name, RCode = r == null ? null : r.CreditCode,
                              RKind = r == null ? (RecommenderKind?)null : r.Kind }).ToListAsync(ct);
        return rows.ToDictionary(x => x.Id, x => x.IsDirect || x.RName is null
            ? new ApplicantTies(x.Name, x.CreditCode, null, null, false)
            : new ApplicantTies(x.Name, x.CreditCode, x.RName, x.RCode, x.RKind == RecommenderKind.GroupCompany));
    }

    /// <summary>
    /// Every conflict of the given experts with the given applications (Conflicts.Detect and declared rows),
    /// keyed by application.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<MemberConflict>>> ConflictsAsync(this AppDb db, IReadOnlyCollection<Guid> expertIds,
        IReadOnlyCollection<Guid> applicationIds, int year, CancellationToken ct)
    {
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToListAsync(ct);
        var ties = await db.TiesAsync(applicationIds, ct);
        var declared = await db.Conflicts.AsNoTracking().Where(c => applicationIds.Contains(c.ApplicationId) && expertIds.Contains(c.ExpertId)).ToListAsync(ct);
        var categories = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).Select(a => new { a.Id, a.Category }).ToListAsync(ct);
        var rubrics = await db.Rubrics.AsNoTracking().Where(r => r.Year == year).Select(r => new { r.Category, r.AffiliationYears }).ToListAsync(ct);
        var result = new Dictionary<Guid, IReadOnlyList<MemberConflict>>();
        foreach (var a in categories)
        {
            var years = rubrics.FirstOrDefault(r => r.Category == a.Category)?.AffiliationYears ?? 3;
            result[a.Id] = PanelRules.ConflictsOf(experts, ties[a.Id], a.Id, declared, year, years);
        }
        return result;
    }

    /// <summary>Adds the automatic recusals every item of the meeting lacks for its current members.</summary>
    public static async Task<int> SyncRecusalsAsync(this AppDb db, PanelMeeting meeting, DateTime nowUtc, CancellationToken ct)
    {
        if (meeting.Items.Count == 0 || meeting.Members.Count == 0) return 0;
        var conflicts = await db.ConflictsAsync(meeting.Members.Select(m => m.ExpertId).ToList(),
            meeting.Items.Select(i => i.ApplicationId).ToList(), meeting.Year, ct);
        var added = 0;
        foreach (var item in meeting.Items)
            foreach (var r in PanelRules.Recuse(item, conflicts[item.ApplicationId], nowUtc))
            {
                db.PanelRecusals.Add(r);
                added++;
            }
        return added;
    }

    public static async Task<PanelMeetingView> ViewAsync(this AppDb db, PanelMeeting m, Actor actor, CancellationToken ct)
    {
        var visible = m.Items.Where(i => Permissions.CanReadPanelItem(actor, m, i).Allowed).OrderBy(i => i.Order).ToList();
        var expertIds = m.Members.Select(x => x.ExpertId).Concat(visible.SelectMany(i => i.Recusals.Select(r => r.ExpertId)))
            .Concat(visible.SelectMany(i => i.Votes.Select(v => v.ExpertId))).Append(m.ChairExpertId ?? Guid.Empty).Distinct().ToList();
        var experts = await db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id))
            .Select(e => new PersonView(e.Id, e.Name, e.OrganizationName)).ToDictionaryAsync(e => e.ExpertId, ct);
        var appIds = visible.Select(i => i.ApplicationId).ToList();
        var apps = await (from a in db.Applications.AsNoTracking()
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          where appIds.Contains(a.Id)
                          select new { a.Id, a.Title, OrgName = o.Name, a.ReceiptNumber, a.Category, a.Stage, a.PreliminaryScore, a.IsBenchmarkCandidate })
            .ToDictionaryAsync(x => x.Id, ct);
        string Name(Guid id) => experts.TryGetValue(id, out var p) ? p.Name : "";
        var items = visible.Select(i =>
        {
            var a = apps[i.ApplicationId];
            var votes = i.Votes.OrderBy(v => v.At).Select(v => new VoteView(v.ExpertId, Name(v.ExpertId), v.Score, v.Level, v.At)).ToList();
            return new PanelItemView(i.Id, i.ApplicationId, i.Order, a.Title, a.OrgName, a.ReceiptNumber, a.Category, a.Stage, a.PreliminaryScore,
                a.IsBenchmarkCandidate, i.Questions, votes, PanelRules.Summarise(i.Votes),
                i.Recusals.OrderBy(r => r.At).Select(r => new RecusalView(r.ExpertId, Name(r.ExpertId), r.Automatic, r.Reason, r.At)).ToList(),
                i.RecommendedLevel, i.Reasons, i.Decision, i.ConcludedAt, i.ConcludedByName,
                votes.FirstOrDefault(v => v.ExpertId == actor.ExpertId && actor.ExpertId is not null),
                Permissions.CanVoteOnPanelItem(actor, m, i).Allowed, Permissions.CanChairPanelItem(actor, m, i).Allowed, i.Version);
        }).ToList();
        return new PanelMeetingView(m.Id, m.Year, m.Title, m.StartsAt, m.Place,
            m.ChairExpertId is { } c && experts.TryGetValue(c, out var chair) ? chair : null,
            m.Members.Select(x => experts.TryGetValue(x.ExpertId, out var p) ? p : new PersonView(x.ExpertId, "", "")).OrderBy(p => p.Name).ToList(),
            items, m.Version);
    }

    /// <summary>Finds the item of an application in a meeting the caller may act on; null when absent or hidden from the caller.</summary>
    public static PanelItem? VisibleItem(PanelMeeting m, Guid applicationId, Actor actor)
    {
        var item = m.Items.FirstOrDefault(i => i.ApplicationId == applicationId);
        return item is not null && Permissions.CanReadPanelItem(actor, m, item).Allowed ? item : null;
    }
}
