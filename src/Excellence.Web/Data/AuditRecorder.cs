using System.Reflection;
using System.Text.Json;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Excellence.Web.Data;

/// <summary>
/// Turns tracked changes of audited entities, plus events a feature records explicitly, into audit
/// entries, and appends them to the hash chain in the same transaction as the change itself.
/// Scoped: it carries the acting user and the action and reason the feature declared.
/// </summary>
public sealed class AuditRecorder(AuditActor actor, AuditChainLock chainLock, TimeProvider clock)
{
    private static readonly HashSet<string> IgnoredProperties =
        ["ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName", "Version", "UpdatedAt"];
    private static readonly HashSet<string> HiddenProperties = ["PasswordHash"];
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly List<AuditEvent> explicitEvents = [];
    private string? action;
    private string? reason;

    /// <summary>Names the action of the next save and its reason (shown in the log).</summary>
    public void Describe(string actionName, string? why = null)
    {
        action = actionName;
        reason = why;
    }

    /// <summary>An event that is not a row change (a sign-in, a revealed ID number, a role granted).</summary>
    public void Record(string actionName, string recordType, string recordId, object? before = null, object? after = null, string? why = null) =>
        explicitEvents.Add(New(actionName, recordType, recordId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json), why ?? reason));

    internal List<AuditEvent> Capture(ChangeTracker tracker)
    {
        var result = new List<AuditEvent>();
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IAudited))
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var before = new SortedDictionary<string, object?>();
            var after = new SortedDictionary<string, object?>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (IgnoredProperties.Contains(name) || p.Metadata.IsShadowProperty()) continue;
                if (entry.State == EntityState.Modified && !p.IsModified) continue;
                if (entry.State == EntityState.Modified && Equals(p.OriginalValue, p.CurrentValue)) continue;
                var hidden = HiddenProperties.Contains(name) || p.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null;
                if (entry.State != EntityState.Added) before[name] = hidden ? "***" : p.OriginalValue;
                if (entry.State != EntityState.Deleted) after[name] = hidden ? "***" : p.CurrentValue;
            }
            if (entry.State == EntityState.Modified && after.Count == 0) continue;
            var type = entry.Metadata.ClrType.Name;
            var verb = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" };
            var id = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue));
            result.Add(New(action ?? $"{type}.{verb}", type, id,
                entry.State == EntityState.Added ? null : JsonSerializer.Serialize(before, Json),
                entry.State == EntityState.Deleted ? null : JsonSerializer.Serialize(after, Json), reason));
        }
        result.AddRange(explicitEvents);
        explicitEvents.Clear();
        return result;
    }

    internal async Task<int> AppendAndSaveAsync(AppDb db, List<AuditEvent> entries, Func<CancellationToken, Task<int>> save, CancellationToken ct)
    {
        // One writer at a time per process, and per database on PostgreSQL (advisory lock), so the chain never forks.
        await chainLock.Gate.WaitAsync(ct);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(740211)", ct);
                var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Seq)
                    .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
                AuditChain.Link(entries, last?.Seq ?? 0, last?.Hash ?? AuditChain.Genesis);
                db.AuditEvents.AddRange(entries);
                var n = await save(ct);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
                action = null;
                reason = null;
                return n;
            }
            catch
            {
                // A failed save leaves the entries detached so a retry does not carry stale chain links.
                foreach (var e in entries) db.Entry(e).State = EntityState.Detached;
                if (ownTransaction is not null) await ownTransaction.RollbackAsync(CancellationToken.None);
                throw;
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            chainLock.Gate.Release();
        }
    }

    private AuditEvent New(string actionName, string recordType, string recordId, string? before, string? after, string? why) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Action = actionName,
        RecordType = recordType,
        RecordId = recordId,
        Before = before,
        After = after,
        Reason = why,
        Ip = actor.Ip,
    };
}

/// <summary>Who the audit log names for the current scope: the signed-in user, or "system".</summary>
public sealed class AuditActor
{
    public Guid? UserId { get; set; }
    public string Name { get; set; } = "system";
    public string? Ip { get; set; }
}

/// <summary>Serialises appends to the chain within this process.</summary>
public sealed class AuditChainLock
{
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
