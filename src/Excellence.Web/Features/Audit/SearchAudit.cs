using Excellence.Web.Api;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Audit;

/// <summary>
/// The audit trail for staff, newest first: by record type, record id, actor (name or id), action
/// (prefix, so "Users." finds every user action) and a range of Shanghai dates, both days included.
/// </summary>
public static class SearchAudit
{
    public sealed record Query(string? RecordType, string? RecordId, string? Actor, string? Action, DateOnly? From, DateOnly? To,
        int Page = 1, int PageSize = 50);

    public sealed record Entry(long Seq, DateTimeOffset At, Guid? ActorId, string ActorName, string Action, string RecordType,
        string RecordId, string? Before, string? After, string? Reason, string? Ip);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<ListPage<Entry>>> Handle(Actor actor, Query query, CancellationToken ct = default)
        {
            if (!actor.IsStaff) return Outcome<ListPage<Entry>>.Forbidden(new Problem("Permission.StaffOnly"));
            var events = db.AuditEvents.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.RecordType)) events = events.Where(e => e.RecordType == query.RecordType.Trim());
            if (!string.IsNullOrWhiteSpace(query.RecordId)) events = events.Where(e => e.RecordId == query.RecordId.Trim());
            if (!string.IsNullOrWhiteSpace(query.Action)) events = events.Where(e => e.Action.StartsWith(query.Action.Trim()));
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                var who = query.Actor.Trim();
                events = Guid.TryParse(who, out var id) ? events.Where(e => e.ActorId == id) : events.Where(e => e.ActorName.Contains(who));
            }
            if (query.From is { } from)
            {
                var start = Shanghai.ToUtc(from.ToDateTime(TimeOnly.MinValue));
                events = events.Where(e => e.At >= start);
            }
            if (query.To is { } to)
            {
                var end = Shanghai.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
                events = events.Where(e => e.At < end);
            }
            var total = await events.CountAsync(ct);
            var rows = await events.OrderByDescending(e => e.Seq).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
            var items = rows.Select(e => new Entry(e.Seq, Shanghai.ToLocal(e.At), e.ActorId, e.ActorName, e.Action, e.RecordType, e.RecordId,
                e.Before, e.After, e.Reason, e.Ip)).ToList();
            return Outcome<ListPage<Entry>>.Ok(new ListPage<Entry>(items, total, query.Page, query.PageSize));
        }
    }

    /// <summary>Before and after as rows of (field, before, after) for reading; values kept as their JSON text.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Fields(string? before, string? after)
    {
        static Dictionary<string, string> Parse(string? json)
        {
            var result = new Dictionary<string, string>();
            if (string.IsNullOrEmpty(json)) return result;
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return new() { [""] = json };
                foreach (var p in doc.RootElement.EnumerateObject())
                    result[p.Name] = p.Value.ValueKind switch
                    {
                        System.Text.Json.JsonValueKind.String => Readable(p.Value.GetString()!),
                        System.Text.Json.JsonValueKind.Null => "—",
                        _ => p.Value.GetRawText(),
                    };
            }
            catch (System.Text.Json.JsonException) { result[""] = json; }
            return result;
        }
        // Instants are logged in UTC; staff read them in Shanghai time.
        static string Readable(string value) =>
            value.Length >= 20 && value.EndsWith('Z') && DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var utc)
                ? Shanghai.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
                : value;
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, b.GetValueOrDefault(k), a.GetValueOrDefault(k))).ToList();
    }
}
