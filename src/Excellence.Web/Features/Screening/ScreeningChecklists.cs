using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Screening;

/// <summary>A year's checklist for one category as shown and edited; Version 0 and IsDefault while never edited.</summary>
public sealed record ChecklistView(int Year, Category Category, IReadOnlyList<ChecklistItem> Items, int Version, bool IsDefault,
    DateTime? UpdatedAt, string? UpdatedByName);

public static class ScreeningChecklists
{
    /// <summary>The stored checklist of the year and category, or the default from Articles 5/6 and completeness.</summary>
    public static async Task<ChecklistView> CurrentAsync(AppDb db, int year, Category category, CancellationToken ct)
    {
        var stored = await db.ScreeningChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year && c.Category == category, ct);
        return stored is null
            ? new ChecklistView(year, category, DefaultChecklist.For(category), 0, true, null, null)
            : new ChecklistView(year, category, stored.Items, stored.Version, false, stored.UpdatedAt, stored.UpdatedByName);
    }
}

/// <summary>The checklist of a year and category (secretariat).</summary>
public static class GetChecklist
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<ChecklistView>> HandleAsync(Actor actor, int year, Category? category, CancellationToken ct = default)
        {
            var may = Permissions.CanEditScreeningChecklist(actor);
            if (!may) return Outcome<ChecklistView>.Denied(may);
            if (category is null || !Enum.IsDefined(category.Value)) return Outcome<ChecklistView>.Invalid("category", "Validation.Choice");
            if (!await db.Rounds.AnyAsync(r => r.Year == year, ct)) return Outcome<ChecklistView>.NotFound();
            return Outcome<ChecklistView>.Ok(await ScreeningChecklists.CurrentAsync(db, year, category.Value, ct));
        }
    }
}

/// <summary>
/// The secretariat rewords, adds or removes items of a year's checklist for one category. The version read is
/// required (0 for the default); decisions already made keep the items as they were answered.
/// </summary>
public static class SaveChecklist
{
    public sealed record Row(string? Code, string? Text);

    public sealed record Command(int Year, Category? Category, int ExpectedVersion, IReadOnlyList<Row>? Items);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<ChecklistView>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanEditScreeningChecklist(actor);
            if (!may) return Outcome<ChecklistView>.Denied(may);
            if (command.Category is not { } category || !Enum.IsDefined(category)) return Outcome<ChecklistView>.Invalid("category", "Validation.Choice");
            if (!await db.Rounds.AnyAsync(r => r.Year == command.Year, ct)) return Outcome<ChecklistView>.NotFound();
            var (items, problems) = DefaultChecklist.Edit((command.Items ?? []).Select(r => (r.Code, r.Text)));
            if (items is null) return Outcome<ChecklistView>.Invalid(problems);

            var stored = await db.ScreeningChecklists.FirstOrDefaultAsync(c => c.Year == command.Year && c.Category == category, ct);
            if ((stored?.Version ?? 0) != command.ExpectedVersion) return Outcome<ChecklistView>.Stale();
            if (stored is null)
            {
                stored = new ScreeningChecklist { Year = command.Year, Category = category };
                db.ScreeningChecklists.Add(stored);
            }
            stored.Items = items;
            stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            stored.UpdatedByName = actor.Name;
            stored.Version++;
            audit.Describe("Screening.ChecklistSaved");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Outcome<ChecklistView>.Stale(); }
            return Outcome<ChecklistView>.Ok(new ChecklistView(stored.Year, category, stored.Items, stored.Version, false, stored.UpdatedAt, stored.UpdatedByName));
        }
    }
}
