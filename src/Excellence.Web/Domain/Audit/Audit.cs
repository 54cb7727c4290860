using System.Security.Cryptography;
using System.Text;

namespace Excellence.Web.Domain;

/// <summary>Entities whose every insert, update and delete is appended to the audit log automatically.</summary>
public interface IAudited;

/// <summary>A property whose value never appears in the audit log (ciphertexts, token hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>
/// One entry of the append-only audit log. Entries form a hash chain: each hash covers the entry's
/// fields and the previous entry's hash, so a changed, deleted or reordered row breaks the chain.
/// </summary>
public sealed class AuditEvent
{
    public long Seq { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string? Ip { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Timestamps are hashed at microsecond precision, the finest both databases keep.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    public static string ComputeHash(AuditEvent e)
    {
        var canonical = string.Join('\u001f',
            e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId?.ToString() ?? "", e.ActorName, e.Action, e.RecordType, e.RecordId,
            e.Before ?? "", e.After ?? "", e.Reason ?? "", e.Ip ?? "", e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Links new entries after the last stored one (null for an empty log).</summary>
    public static void Link(IEnumerable<AuditEvent> fresh, long lastSeq, string lastHash)
    {
        foreach (var e in fresh)
        {
            e.Seq = ++lastSeq;
            e.At = Truncate(e.At);
            e.PrevHash = lastHash;
            e.Hash = ComputeHash(e);
            lastHash = e.Hash;
        }
    }

    public sealed record Break(long Seq, string Reason);

    /// <summary>The first entry at which the chain breaks, in the order stored; null when intact.</summary>
    public static Break? Verify(IEnumerable<AuditEvent> entriesInSeqOrder)
    {
        var verifier = new Verifier();
        foreach (var e in entriesInSeqOrder)
            if (verifier.Next(e) is { } broken) return broken;
        return null;
    }

    /// <summary>Checks entries one at a time, so a large log can be streamed.</summary>
    public sealed class Verifier
    {
        private long expectedSeq = 1;
        private string prev = Genesis;

        public long Checked => expectedSeq - 1;
        public string LastHash => prev;

        public Break? Next(AuditEvent e)
        {
            if (e.Seq != expectedSeq) return new Break(e.Seq, $"expected entry {expectedSeq} here, found {e.Seq} (an entry was deleted or moved)");
            if (e.PrevHash != prev) return new Break(e.Seq, "its link to the previous entry does not match (an entry before it was removed, replaced or reordered)");
            if (ComputeHash(e) != e.Hash) return new Break(e.Seq, "its content does not match its hash (the entry was changed)");
            prev = e.Hash;
            expectedSeq++;
            return null;
        }
    }
}
