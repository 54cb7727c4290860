using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Assignments;

/// <summary>What the recusal form shows the assigned expert: the application it is assigned (none once recused).</summary>
public static class GetRecusal
{
    public sealed record View(Guid AssignmentId, AssignmentStatus Status, string? Title, string? ReceiptNumber, Category Category);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Guid assignmentId, CancellationToken ct = default)
        {
            var a = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assignmentId, ct);
            if (a is null) return Outcome<View>.NotFound();
            var may = Permissions.CanRecuse(actor, a);
            if (may.Hidden) return Outcome<View>.NotFound();
            if (a.Status != AssignmentStatus.Active) return Outcome<View>.Ok(new View(a.Id, a.Status, null, null, a.Category));
            var app = await db.Applications.AsNoTracking().Where(x => x.Id == a.ApplicationId).Select(x => new { x.Title, x.ReceiptNumber }).FirstAsync(ct);
            return Outcome<View>.Ok(new View(a.Id, a.Status, app.Title, app.ReceiptNumber, a.Category));
        }
    }
}
