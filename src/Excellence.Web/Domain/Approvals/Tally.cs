namespace Excellence.Web.Domain.Approvals;

/// <summary>The quorum and majority of a meeting as fractions (see <see cref="ApprovalMeeting"/>).</summary>
public sealed record Rule(int QuorumNumerator, int QuorumDenominator, int MajorityNumerator, int MajorityDenominator)
{
    public static Rule Default { get; } = new(2, 3, 1, 2);

    /// <summary>Fractions between 0 and 1; the majority at least one half (less could approve and reject at once).</summary>
    public IEnumerable<FieldProblem> Check()
    {
        if (QuorumDenominator < 1 || QuorumNumerator < 1 || QuorumNumerator > QuorumDenominator)
            yield return new FieldProblem("quorum", new Problem("Approval.BadQuorum"));
        if (MajorityDenominator < 1 || MajorityNumerator < 1 || MajorityNumerator > MajorityDenominator || MajorityNumerator * 2 < MajorityDenominator)
            yield return new FieldProblem("majority", new Problem("Approval.BadMajority"));
    }

    /// <summary>The fewest present approvers for a quorum of <paramref name="invited"/> (at least one).</summary>
    public int QuorumOf(int invited) => Math.Max(1, (invited * QuorumNumerator + QuorumDenominator - 1) / QuorumDenominator);

    public bool HasQuorum(int invited, int present) => invited > 0 && present >= QuorumOf(invited);

    /// <summary>At least the fraction of the votes cast, and more than half of them.</summary>
    public bool IsMajority(int votes, int cast) =>
        cast > 0 && votes * 2 > cast && (long)votes * MajorityDenominator >= (long)cast * MajorityNumerator;
}

public enum TallyOutcome { Approved, NotApproved, Undecided }

/// <summary>One vote as the tally sees it.</summary>
public sealed record CastVote(VoteChoice Choice, Level? Level);

public sealed record TallyResult(TallyOutcome Outcome, Level? ApprovedLevel, int Approve, int Reject, int ChangeLevel,
    IReadOnlyDictionary<Level, int> ByLevel)
{
    public int Cast => Approve + Reject + ChangeLevel;
}

/// <summary>
/// The result of one application at the approval meeting, from the votes of the present approvers.
/// <list type="bullet">
/// <item>Approving votes are Approve (at the proposed level) and ChangeLevel (at the level voted for).</item>
/// <item>Approved when the approving votes are a majority of the votes cast (<see cref="Rule.IsMajority"/>); the
/// approved level is the level with the most approving votes; on a tie the proposed level if it is among the
/// tied ones, otherwise the lowest of them (the cautious choice).</item>
/// <item>Not approved when the rejecting votes are more than half of the votes cast.</item>
/// <item>Otherwise (no votes, an even split, a qualified majority missed) undecided: the secretariat holds a revote.</item>
/// </list>
/// </summary>
public static class Tally
{
    public static TallyResult Count(Level? proposed, IEnumerable<CastVote> votes, Rule rule)
    {
        int approve = 0, reject = 0, change = 0;
        var byLevel = new Dictionary<Level, int>();
        foreach (var v in votes)
        {
            switch (v.Choice)
            {
                case VoteChoice.Approve when proposed is { } p:
                    approve++;
                    byLevel[p] = byLevel.GetValueOrDefault(p) + 1;
                    break;
                case VoteChoice.ChangeLevel when v.Level is { } l:
                    change++;
                    byLevel[l] = byLevel.GetValueOrDefault(l) + 1;
                    break;
                case VoteChoice.Reject:
                    reject++;
                    break;
                // Approving a proposal without a level, or a level change without a level, is not a vote.
            }
        }
        var cast = approve + reject + change;
        if (rule.IsMajority(approve + change, cast))
        {
            var most = byLevel.Values.Max();
            var tied = byLevel.Where(kv => kv.Value == most).Select(kv => kv.Key).ToList();
            var level = proposed is { } pl && tied.Contains(pl) ? pl : tied.Max();
            return new TallyResult(TallyOutcome.Approved, level, approve, reject, change, byLevel);
        }
        if (reject * 2 > cast) return new TallyResult(TallyOutcome.NotApproved, null, approve, reject, change, byLevel);
        return new TallyResult(TallyOutcome.Undecided, null, approve, reject, change, byLevel);
    }
}
