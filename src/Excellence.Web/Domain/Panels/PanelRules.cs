using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Domain.Panels;

/// <summary>The conflicts of one member on one application, as found: detected kinds and declared reasons.</summary>
public sealed record MemberConflict(Guid ExpertId, IReadOnlyList<ConflictKind> Kinds);

/// <summary>The counts and mean of one item's votes.</summary>
public sealed record VoteSummary(int Votes, int Scores, decimal? MeanScore, decimal? MinScore, decimal? MaxScore,
    IReadOnlyDictionary<PanelLevel, int> Levels, PanelLevel? Majority);

/// <summary>Pure rules of the panel review and the site verification: conflicts, recusal, votes.</summary>
public static class PanelRules
{
    public const decimal MaxScore = 100m;

    /// <summary>
    /// Which of <paramref name="experts"/> conflict with an application: every detected tie (Conflicts.Detect) plus
    /// every declared Conflict row for that application.
    /// </summary>
    public static IReadOnlyList<MemberConflict> ConflictsOf(IEnumerable<Expert> experts, ApplicantTies ties, Guid applicationId,
        IEnumerable<Conflict> declared, int year, int affiliationYears)
    {
        var declaredList = declared.Where(c => c.ApplicationId == applicationId).ToList();
        var result = new List<MemberConflict>();
        foreach (var e in experts)
        {
            var kinds = Conflicts.Detect(e, ties, year, affiliationYears).ToList();
            kinds.AddRange(declaredList.Where(c => c.ExpertId == e.Id).Select(c => c.Kind));
            if (kinds.Count > 0) result.Add(new MemberConflict(e.Id, kinds.Distinct().ToList()));
        }
        return result;
    }

    /// <summary>
    /// Adds the automatic recusals an item lacks for conflicted members; returns the rows added. A recusal is
    /// never removed: once a member stepped back from an item, the record stays.
    /// </summary>
    public static IReadOnlyList<PanelRecusal> Recuse(PanelItem item, IEnumerable<MemberConflict> conflicts, DateTime nowUtc)
    {
        var added = new List<PanelRecusal>();
        foreach (var c in conflicts)
        {
            if (item.IsRecused(c.ExpertId)) continue;
            var r = new PanelRecusal
            {
                ItemId = item.Id, ExpertId = c.ExpertId, Automatic = true, At = nowUtc,
                Reason = string.Join(",", c.Kinds.Select(k => k.ToString())),
            };
            item.Recusals.Add(r);
            added.Add(r);
        }
        return added;
    }

    /// <summary>A score is 0–100 with at most one decimal.</summary>
    public static bool ValidScore(decimal score) => score is >= 0 and <= MaxScore && decimal.Round(score, 1) == score;

    /// <summary>Counts the votes: the mean of the scores (one decimal, half away from zero), each level's count, and
    /// the level with strictly more votes than any other (null on a tie or without level votes).</summary>
    public static VoteSummary Summarise(IEnumerable<PanelVote> votes)
    {
        var list = votes.ToList();
        var scores = list.Where(v => v.Score is not null).Select(v => v.Score!.Value).ToList();
        var levels = Enum.GetValues<PanelLevel>().ToDictionary(l => l, l => list.Count(v => v.Level == l));
        var ordered = levels.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ToList();
        PanelLevel? majority = ordered.Count switch
        {
            0 => null,
            1 => ordered[0].Key,
            _ => ordered[0].Value > ordered[1].Value ? ordered[0].Key : null,
        };
        return new VoteSummary(list.Count, scores.Count,
            scores.Count == 0 ? null : decimal.Round(scores.Average(), 1, MidpointRounding.AwayFromZero),
            scores.Count == 0 ? null : scores.Min(), scores.Count == 0 ? null : scores.Max(), levels, majority);
    }

    /// <summary>The level proposed for a panel level: not recognised proposes none.</summary>
    public static Level? ToLevel(PanelLevel level) => level switch
    {
        PanelLevel.Benchmark => Level.Benchmark,
        PanelLevel.Excellent => Level.Excellent,
        PanelLevel.Advancing => Level.Advancing,
        _ => null,
    };
}
