using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>The rubric of a year and category: the secretariat, and the experts assigned in that year.</summary>
public static class GetRubric
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<RubricView>> HandleAsync(Actor actor, int year, Category category, CancellationToken ct = default)
        {
            var assigned = actor.ExpertId is { } me && await db.Assignments.AnyAsync(a => a.ExpertId == me && a.Year == year, ct);
            var read = Permissions.CanReadRubric(actor, assigned);
            if (!read) return Outcome<RubricView>.Denied(read);
            var rubric = await db.RubricForReadingAsync(year, category, ct);
            return rubric is null ? Outcome<RubricView>.NotFound() : Outcome<RubricView>.Ok(RubricView.Of(rubric));
        }
    }
}
