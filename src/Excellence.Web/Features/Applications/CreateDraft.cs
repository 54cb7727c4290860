using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Applications;

/// <summary>An applicant starts an application in the open year: several per year, up to the year's cap per category.</summary>
public static class CreateDraft
{
    public sealed record Command(int Year, Category Category);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Guid>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            if (!actor.Is(Roles.Applicant) || actor.OrganizationId is not { } organizationId)
                return Outcome<Guid>.Forbidden(new Problem("Application.NoOrganization"));
            var now = clock.UtcNow();
            var round = await db.Rounds.AsNoTracking().Include(r => r.Phases).Include(r => r.Categories)
                .FirstOrDefaultAsync(r => r.Year == command.Year, ct);
            if (round is null) return Outcome<Guid>.Invalid("year", "Application.NoSuchYear", command.Year);
            if (!round.AcceptsSubmissionsAt(now)) return Outcome<Guid>.Conflict(new Problem("Application.YearNotOpen", command.Year));
            var offered = round.For(command.Category);
            if (offered is null) return Outcome<Guid>.Invalid("category", "Application.CategoryNotOffered");
            if (offered.MaxPerOrganization is { } cap)
            {
                var existing = await db.Applications.CountAsync(a => a.OrganizationId == organizationId && a.RoundId == round.Id
                    && a.Category == command.Category && a.Stage != Stage.Withdrawn, ct);
                if (existing >= cap) return Outcome<Guid>.Conflict(new Problem("Application.CapReached", cap));
            }

            var application = new Application
            {
                RoundId = round.Id, Year = round.Year, Category = command.Category, OrganizationId = organizationId,
                CreatedAt = now, UpdatedAt = now, UpdatedBy = actor.UserId, UpdatedByName = actor.Name,
                Nominee = command.Category == Category.IndividualExperience ? new Nominee() : null,
            };
            db.Applications.Add(application);
            audit.Describe("Application.Created");
            await db.SaveChangesAsync(ct);
            return Outcome<Guid>.Ok(application.Id);
        }
    }
}
