using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>Version 1 of the indicator system, the spec's default, published, written once.</summary>
public sealed class DefaultIndicatorSystemSeeder : IReferenceDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.IndicatorSystems.AnyAsync(ct)) return;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.IndicatorSystems.Add(new IndicatorSystem
        {
            Number = 1, Status = IndicatorSystemStatus.Published, Definition = DefaultIndicatorSystem.Create(),
            CreatedAt = now, PublishedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
