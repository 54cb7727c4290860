using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Experts;

/// <summary>One expert of the pool, with its availability per year.</summary>
public static class GetExpert
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<ExpertView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<ExpertView>.Denied(may);
            var e = await db.Experts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return Outcome<ExpertView>.NotFound();
            var availability = await db.ExpertAvailability.AsNoTracking().Where(a => a.ExpertId == id).ToListAsync(ct);
            return Outcome<ExpertView>.Ok(ExpertView.Of(e, availability));
        }
    }
}
