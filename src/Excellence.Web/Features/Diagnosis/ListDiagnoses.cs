using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>The actor's organisation's diagnoses, newest first (its history).</summary>
public static class ListDiagnoses
{
    public sealed record Item(Guid Id, DiagnosisStatus Status, int SystemNumber, DateTime CreatedAt, DateTime? SubmittedAt, double? Total, string? Level);

    public sealed class Handler(AppDb db)
    {
        public async Task<IReadOnlyList<Item>> Handle(Actor actor, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Applicant) || actor.OrganizationId is not { } orgId) return [];
            return await db.Diagnoses.AsNoTracking().Where(d => d.OrganizationId == orgId)
                .OrderByDescending(d => d.CreatedAt)
                .Select(d => new Item(d.Id, d.Status, d.SystemNumber, d.CreatedAt, d.SubmittedAt, d.Total, d.Level))
                .ToListAsync(ct);
        }
    }
}
