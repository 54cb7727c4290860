using Excellence.Web.Data;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>The reads several diagnosis use cases share.</summary>
public static class DiagnosisQueries
{
    /// <summary>The newest published version: what a new diagnosis is answered with.</summary>
    public static Task<IndicatorSystem?> CurrentSystem(AppDb db, CancellationToken ct = default) =>
        db.IndicatorSystems.AsNoTracking().Where(s => s.Status == IndicatorSystemStatus.Published)
            .OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);

    public static Task<IndicatorSystem> SystemOf(AppDb db, Domain.Diagnosis.Diagnosis diagnosis, CancellationToken ct = default) =>
        db.IndicatorSystems.AsNoTracking().SingleAsync(s => s.Id == diagnosis.IndicatorSystemId, ct);

    public static Task<Domain.Diagnosis.Diagnosis?> Find(AppDb db, Guid id, CancellationToken ct = default) =>
        db.Diagnoses.Include(d => d.DimensionScores).FirstOrDefaultAsync(d => d.Id == id, ct);
}
