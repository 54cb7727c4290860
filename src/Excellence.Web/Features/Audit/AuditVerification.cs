using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Audit;

/// <summary>The verify-audit command: walks the whole chain and names the first broken entry.</summary>
public static class AuditVerification
{
    public static async Task<AuditChain.Break?> VerifyAsync(AppDb db, CancellationToken ct = default)
    {
        var verifier = new AuditChain.Verifier();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
            if (verifier.Next(e) is { } broken) return broken;
        return null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var count = await db.AuditEvents.CountAsync();
        var broken = await VerifyAsync(db);
        if (broken is null)
        {
            await output.WriteLineAsync($"Audit log intact: {count} entries verified.");
            return 0;
        }
        await output.WriteLineAsync($"Audit log BROKEN at entry #{broken.Seq}: {broken.Reason}.");
        return 1;
    }
}
