using Excellence.Web.Domain;

namespace Excellence.Tests.Domain;

public class AuditChainTests
{
    private static List<AuditEvent> Chain(int n)
    {
        var events = Enumerable.Range(1, n).Select(i => new AuditEvent
        {
            At = new DateTime(2026, 6, 1, 8, 0, i, DateTimeKind.Utc).AddTicks(1234567), ActorName = "a@test.local",
            Action = "Round.Updated", RecordType = "Round", RecordId = i.ToString(), After = $"{{\"n\":{i}}}",
        }).ToList();
        AuditChain.Link(events, 0, AuditChain.Genesis);
        return events;
    }

    [Fact]
    public void An_untouched_chain_verifies() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void Timestamps_are_kept_to_the_microsecond_so_both_databases_hash_alike() =>
        Assert.Equal(0, Chain(1)[0].At.Ticks % 10);

    [Fact]
    public void A_changed_entry_is_named()
    {
        var chain = Chain(5);
        chain[2].After = "{\"n\":99}";
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void A_deleted_entry_is_found_at_the_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void Swapped_entries_with_renumbered_sequence_are_found()
    {
        var chain = Chain(5);
        (chain[1].Seq, chain[2].Seq) = (chain[2].Seq, chain[1].Seq);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.Equal(2, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void A_rehashed_forgery_still_breaks_the_next_link()
    {
        var chain = Chain(5);
        chain[1].Reason = "forged";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
    }
}
