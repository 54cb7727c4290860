using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;

namespace Excellence.Tests.Domain;

public class TallyTests
{
    private static readonly Gen<Level> Levels = Gen.Enum<Level>();
    private static readonly Rule Simple = Rule.Default;
    private static readonly Gen<Level?> MaybeLevel = Gen.Int[0, 3].Select(i => i == 3 ? (Level?)null : (Level)i);

    private static IEnumerable<CastVote> Votes(int n, VoteChoice choice, Level? level = null) =>
        Enumerable.Repeat(new CastVote(choice, level), n);

    [Fact]
    public void A_unanimous_approval_approves_at_the_proposed_level() =>
        Gen.Select(Levels, Gen.Int[1, 30]).Sample((level, n) =>
        {
            var t = Tally.Count(level, Votes(n, VoteChoice.Approve), Simple);
            Assert.Equal(TallyOutcome.Approved, t.Outcome);
            Assert.Equal(level, t.ApprovedLevel);
            Assert.Equal(n, t.Approve);
            Assert.Equal(n, t.Cast);
        });

    [Fact]
    public void A_majority_of_rejections_rejects_whatever_the_rest_vote() =>
        Gen.Select(MaybeLevel, Gen.Int[1, 20], Gen.Int[0, 20], Gen.Int[0, 20]).Sample((proposed, reject, approve, change) =>
        {
            var rejects = reject + approve + change; // more than half of the votes cast
            var votes = Votes(rejects, VoteChoice.Reject).Concat(Votes(approve, VoteChoice.Approve)).Concat(Votes(change, VoteChoice.ChangeLevel, Level.Excellent));
            var t = Tally.Count(proposed, votes, Simple);
            Assert.Equal(TallyOutcome.NotApproved, t.Outcome);
            Assert.Null(t.ApprovedLevel);
        });

    [Fact]
    public void A_majority_for_another_level_changes_the_level() =>
        Gen.Select(Levels, Levels, Gen.Int[1, 15], Gen.Int[0, 15]).Sample((proposed, to, extra, others) =>
        {
            if (proposed == to) return;
            // change votes outnumber approvals and rejections together
            var change = others * 2 + extra;
            var votes = Votes(change, VoteChoice.ChangeLevel, to).Concat(Votes(others, VoteChoice.Approve)).Concat(Votes(others, VoteChoice.Reject));
            var t = Tally.Count(proposed, votes, Simple);
            Assert.Equal(TallyOutcome.Approved, t.Outcome);
            Assert.Equal(to, t.ApprovedLevel);
            Assert.Equal(change, t.ChangeLevel);
        });

    [Fact]
    public void The_outcome_never_depends_on_the_order_of_the_votes() =>
        Gen.Select(MaybeLevel, Gen.Select(Gen.Enum<VoteChoice>(), MaybeLevel).Array[0, 12]).Sample((proposed, raw) =>
        {
            var votes = raw.Select(v => new CastVote(v.Item1, v.Item2)).ToList();
            var forward = Tally.Count(proposed, votes, Simple);
            var backward = Tally.Count(proposed, Enumerable.Reverse(votes), Simple);
            Assert.Equal(forward.Outcome, backward.Outcome);
            Assert.Equal(forward.ApprovedLevel, backward.ApprovedLevel);
            // approved and rejected can never both hold: at most one side has more than half
            Assert.False(forward.Approve + forward.ChangeLevel > forward.Cast / 2.0 && forward.Reject > forward.Cast / 2.0);
        });

    [Fact]
    public void An_even_split_or_no_vote_is_undecided()
    {
        Assert.Equal(TallyOutcome.Undecided, Tally.Count(Level.Excellent, [], Simple).Outcome);
        var split = Votes(2, VoteChoice.Approve).Concat(Votes(2, VoteChoice.Reject));
        Assert.Equal(TallyOutcome.Undecided, Tally.Count(Level.Excellent, split, Simple).Outcome);
        // 3 of 5 is a simple majority but not two thirds
        var three = Votes(3, VoteChoice.Approve).Concat(Votes(2, VoteChoice.Reject)).ToList();
        Assert.Equal(TallyOutcome.Approved, Tally.Count(Level.Excellent, three, Simple).Outcome);
        Assert.Equal(TallyOutcome.Undecided, Tally.Count(Level.Excellent, three, new Rule(2, 3, 2, 3)).Outcome);
    }

    [Fact]
    public void A_tie_between_levels_keeps_the_proposed_level_or_else_takes_the_lower()
    {
        var tie = Votes(2, VoteChoice.Approve).Concat(Votes(2, VoteChoice.ChangeLevel, Level.Benchmark)).Append(new CastVote(VoteChoice.Reject, null));
        var t = Tally.Count(Level.Excellent, tie, Simple);
        Assert.Equal((TallyOutcome.Approved, Level.Excellent), (t.Outcome, t.ApprovedLevel));
        var other = Votes(2, VoteChoice.ChangeLevel, Level.Benchmark).Concat(Votes(2, VoteChoice.ChangeLevel, Level.Advancing)).Append(new CastVote(VoteChoice.Approve, null));
        var u = Tally.Count(Level.Excellent, other, Simple);
        Assert.Equal((TallyOutcome.Approved, Level.Advancing), (u.Outcome, u.ApprovedLevel));
        var none = Tally.Count(null, Votes(2, VoteChoice.ChangeLevel, Level.Benchmark).Concat(Votes(2, VoteChoice.ChangeLevel, Level.Advancing)), Simple);
        Assert.Equal((TallyOutcome.Approved, Level.Advancing), (none.Outcome, none.ApprovedLevel));
    }

    [Fact]
    public void Without_a_quorum_the_meeting_cannot_close() =>
        Gen.Int[1, 40].Sample(invited =>
        {
            var required = Simple.QuorumOf(invited);
            Assert.True(required * 3 >= invited * 2, "at least two thirds");
            Assert.True((required - 1) * 3 < invited * 2 || required == 1, "the least such number");
            Assert.False(Simple.HasQuorum(invited, required - 1));
            Assert.True(Simple.HasQuorum(invited, required));
        });

    [Fact]
    public void A_majority_rule_below_one_half_is_refused()
    {
        Assert.Contains(new Rule(2, 3, 1, 3).Check(), p => p.Field == "majority");
        Assert.Contains(new Rule(4, 3, 1, 2).Check(), p => p.Field == "quorum");
        Assert.Empty(Rule.Default.Check());
    }
}
