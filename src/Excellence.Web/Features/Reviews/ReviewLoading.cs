using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>Lookups the review use cases share: the rubric of a year (created from the default on first need), assignments.</summary>
public static class ReviewLoading
{
    /// <summary>Whether the acting expert holds an Active assignment on the application (what lets it read the application).</summary>
    public static async Task<bool> HasActiveAssignmentAsync(this AppDb db, Actor actor, Guid applicationId, CancellationToken ct) =>
        actor.Is(Roles.Expert) && actor.ExpertId is { } me
        && await db.Assignments.AnyAsync(x => x.ApplicationId == applicationId && x.ExpertId == me && x.Status == AssignmentStatus.Active, ct);

    /// <summary>
    /// An expert reads the form without personal data: the nominee's resident ID and phone and the contact's
    /// mobile are left out entirely (not even masked).
    /// </summary>
    public static ApplicationDto WithoutPersonalData(ApplicationDto dto)
    {
        if (dto.Nominee is { } n)
        {
            n.ResidentId = null;
            n.Phone = null;
        }
        return dto with { Organization = dto.Organization with { ContactMobile = "" } };
    }

    /// <summary>
    /// The rubric of a year and category, tracked, with its criteria in order; created from the default when the year
    /// has none yet (rounds created before rubrics existed, or a first look). Null when the year does not exist.
    /// </summary>
    public static async Task<Rubric?> RubricAsync(this AppDb db, int year, Category category, CancellationToken ct)
    {
        var rubric = await db.Rubrics.Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Year == year && r.Category == category, ct);
        if (rubric is not null)
        {
            rubric.Criteria = rubric.Criteria.OrderBy(c => c.Order).ToList();
            return rubric;
        }
        var roundId = await db.Rounds.Where(r => r.Year == year).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (roundId is null) return null;
        rubric = DefaultRubrics.Create(roundId.Value, year, category);
        db.Rubrics.Add(rubric);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created at the same moment by another request: the unique (year, category) index decides; read theirs.
            db.Entry(rubric).State = EntityState.Detached;
            foreach (var c in rubric.Criteria) db.Entry(c).State = EntityState.Detached;
            return await db.Rubrics.Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Year == year && r.Category == category, ct);
        }
        return rubric;
    }

    /// <summary>
    /// For reading only (GET requests write nothing): the stored rubric, or the default the year will get on the first
    /// write, unsaved. Null when the year does not exist.
    /// </summary>
    public static async Task<Rubric?> RubricForReadingAsync(this AppDb db, int year, Category category, CancellationToken ct)
    {
        var rubric = await db.Rubrics.AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Year == year && r.Category == category, ct);
        if (rubric is not null)
        {
            rubric.Criteria = rubric.Criteria.OrderBy(c => c.Order).ToList();
            return rubric;
        }
        var roundId = await db.Rounds.Where(r => r.Year == year).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return roundId is null ? null : DefaultRubrics.Create(roundId.Value, year, category);
    }

    /// <summary>Creates the default rubric of every category of a year that lacks one (round creation, seeding).</summary>
    public static async Task EnsureRubricsAsync(this AppDb db, int year, CancellationToken ct)
    {
        foreach (var category in Enum.GetValues<Category>())
            await db.RubricAsync(year, category, ct);
    }
}

/// <summary>At start-up: every existing year gets its default rubrics (idempotent).</summary>
public sealed class DefaultRubricSeeder : IReferenceDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        var years = await db.Rounds.Select(r => r.Year).ToListAsync(ct);
        var have = await db.Rubrics.Select(r => new { r.Year, r.Category }).ToListAsync(ct);
        foreach (var year in years)
            if (have.Count(h => h.Year == year) < Enum.GetValues<Category>().Length)
                await db.EnsureRubricsAsync(year, ct);
    }
}
