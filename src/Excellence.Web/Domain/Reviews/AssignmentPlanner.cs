namespace Excellence.Web.Domain.Reviews;

/// <summary>An expert as the planner sees it. <see cref="Eligible"/> is false when inactive or unavailable in the year.</summary>
public sealed record PlanExpert(Guid Id, IReadOnlySet<Category> Categories, IReadOnlySet<Industry> Industries, IReadOnlySet<string> Sectors,
    bool Eligible = true);

/// <summary>An application to cover, with what the domain match looks at.</summary>
public sealed record PlanApplication(Guid Id, Category Category, Industry? Industry, IReadOnlyList<string> Sectors);

/// <summary>
/// What to plan: <see cref="Blocked"/> holds every (application, expert) pair that must never be assigned
/// (detected or declared conflicts, recusals); <see cref="Existing"/> the active assignments, which are kept.
/// </summary>
public sealed record PlanInput(
    IReadOnlyList<PlanExpert> Experts,
    IReadOnlyList<PlanApplication> Applications,
    IReadOnlySet<(Guid ApplicationId, Guid ExpertId)> Blocked,
    IReadOnlyCollection<(Guid ApplicationId, Guid ExpertId)> Existing,
    int PerApplication,
    int Seed);

public enum ShortReason { NotEnoughEligibleExperts }

/// <summary>Coverage of one application: how many it needs, has, could have, and why not more.</summary>
public sealed record PlanCoverage(Guid ApplicationId, int Required, int Assigned, int Eligible, int Conflicted, int Unavailable, ShortReason? Reason)
{
    public bool Covered => Assigned >= Required;
}

/// <summary>One new assignment, with its domain match score (0: none; category 4, industry 2, sector 1).</summary>
public sealed record PlannedAssignment(Guid ApplicationId, Guid ExpertId, int Match);

public sealed record PlanResult(
    IReadOnlyList<PlannedAssignment> Added,
    IReadOnlyList<PlanCoverage> Coverage,
    IReadOnlyDictionary<Guid, int> Load,
    double DomainMatchRate,
    int Seed)
{
    public int FullyCovered => Coverage.Count(c => c.Covered);
    public int Short => Coverage.Count(c => !c.Covered);
}

/// <summary>
/// The automatic assignment (and the witnessed draw, 抽签, which is the same plan with a drawn seed): N experts
/// per application, conflicts and unavailable experts excluded, existing assignments kept, load balanced (each
/// pick is among the least-loaded eligible experts), domain match preferred among those, ties broken by a
/// seeded shuffle so that one seed always gives one plan. Pure and fast (arrays, no allocation per pair).
/// </summary>
public static class AssignmentPlanner
{
    public static PlanResult Plan(PlanInput input)
    {
        var experts = input.Experts;
        var apps = input.Applications;
        var n = Math.Max(0, input.PerApplication);
        var random = new Random(input.Seed);
        var expertIndex = new Dictionary<Guid, int>(experts.Count);
        for (var i = 0; i < experts.Count; i++) expertIndex[experts[i].Id] = i;

        // Per-expert random tie-break, re-drawn per application below from the same stream.
        var load = new int[experts.Count];
        var assigned = new HashSet<int>[apps.Count];
        var appIndex = new Dictionary<Guid, int>(apps.Count);
        for (var a = 0; a < apps.Count; a++) { appIndex[apps[a].Id] = a; assigned[a] = []; }
        foreach (var (appId, expertId) in input.Existing)
        {
            if (!expertIndex.TryGetValue(expertId, out var e)) continue;
            load[e]++;
            if (appIndex.TryGetValue(appId, out var a)) assigned[a].Add(e);
        }

        // Eligible experts per application, counted once; the most constrained applications are planned first.
        var eligibleCount = new int[apps.Count];
        var conflicted = new int[apps.Count];
        var unavailable = new int[apps.Count];
        var blockedByApp = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var (appId, expertId) in input.Blocked)
        {
            if (!blockedByApp.TryGetValue(appId, out var set)) blockedByApp[appId] = set = [];
            set.Add(expertId);
        }
        var blockedIdx = new bool[apps.Count][];
        for (var a = 0; a < apps.Count; a++)
        {
            var row = new bool[experts.Count];
            blockedByApp.TryGetValue(apps[a].Id, out var blocked);
            for (var e = 0; e < experts.Count; e++)
            {
                if (blocked is not null && blocked.Contains(experts[e].Id)) { row[e] = true; conflicted[a]++; }
                else if (!experts[e].Eligible) { row[e] = true; unavailable[a]++; }
                else eligibleCount[a]++;
            }
            blockedIdx[a] = row;
        }

        var order = new int[apps.Count];
        var shuffleKey = new int[apps.Count];
        for (var a = 0; a < apps.Count; a++) { order[a] = a; shuffleKey[a] = random.Next(); }
        Array.Sort(order, (x, y) =>
        {
            var c = eligibleCount[x].CompareTo(eligibleCount[y]);
            return c != 0 ? c : shuffleKey[x].CompareTo(shuffleKey[y]);
        });

        var added = new List<PlannedAssignment>(apps.Count * n);
        var tie = new int[experts.Count];
        var matches = 0;
        foreach (var a in order)
        {
            var app = apps[a];
            for (var e = 0; e < tie.Length; e++) tie[e] = random.Next();
            while (assigned[a].Count < n)
            {
                var best = -1;
                var bestMatch = -1;
                for (var e = 0; e < experts.Count; e++)
                {
                    if (blockedIdx[a][e] || assigned[a].Contains(e)) continue;
                    if (best >= 0 && load[e] > load[best]) continue;
                    var m = Match(experts[e], app);
                    if (best < 0 || load[e] < load[best] || m > bestMatch || (m == bestMatch && tie[e] < tie[best]))
                    {
                        best = e;
                        bestMatch = m;
                    }
                }
                if (best < 0) break;
                assigned[a].Add(best);
                load[best]++;
                added.Add(new PlannedAssignment(app.Id, experts[best].Id, bestMatch));
                if (bestMatch > 0) matches++;
            }
        }

        var coverage = new List<PlanCoverage>(apps.Count);
        for (var a = 0; a < apps.Count; a++)
        {
            var count = assigned[a].Count;
            coverage.Add(new PlanCoverage(apps[a].Id, n, count, eligibleCount[a], conflicted[a], unavailable[a],
                count < n ? ShortReason.NotEnoughEligibleExperts : null));
        }
        var loads = new Dictionary<Guid, int>(experts.Count);
        for (var e = 0; e < experts.Count; e++) loads[experts[e].Id] = load[e];
        return new PlanResult(added, coverage, loads, added.Count == 0 ? 0 : (double)matches / added.Count, input.Seed);
    }

    /// <summary>Domain match: the category counts most, then the industry, then any shared sector.</summary>
    public static int Match(PlanExpert expert, PlanApplication app)
    {
        var score = 0;
        if (expert.Categories.Contains(app.Category)) score += 4;
        if (app.Industry is { } industry && expert.Industries.Contains(industry)) score += 2;
        foreach (var s in app.Sectors)
        {
            if (expert.Sectors.Contains(s)) { score += 1; break; }
        }
        return score;
    }
}
