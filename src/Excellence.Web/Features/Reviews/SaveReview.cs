using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// Saves the expert's score sheet as a draft (any time, partial). The first score saved on a rubric freezes it in
/// the same save. Refused when the version is not the stored one (412), when the application left the preliminary
/// review or the sheet is submitted (409); a band off the 5 % grid is a field problem (400).
/// </summary>
public static class SaveReview
{
    public sealed class SheetInput
    {
        public List<ScoreInput> Scores { get; set; } = [];
        public string? Strengths { get; set; }
        public string? Opportunities { get; set; }
        public VetoReason? Veto { get; set; }
        public string? VetoNote { get; set; }
        /// <summary>The version the client read, when it cannot send If-Match (the page's form).</summary>
        public int? Version { get; set; }
    }

    public sealed class ScoreInput
    {
        public string Code { get; set; } = "";
        public int? BandPercent { get; set; }
        public string? Comment { get; set; }
    }

    public sealed record Command(Guid AssignmentId, int? ExpectedVersion, SheetInput? Input);

    public sealed record Saved(Guid ReviewId, ReviewStatus Status, int Version, decimal Total, DateTime UpdatedAt);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public Task<Outcome<Saved>> HandleAsync(Actor actor, Command command, CancellationToken ct = default) =>
            ScoreSheetWriter.WriteAsync(db, clock, audit, actor, command, submit: false, ct);
    }
}

/// <summary>The one write path of a score sheet, for the draft save and the submission.</summary>
internal static class ScoreSheetWriter
{
    public static async Task<Outcome<SaveReview.Saved>> WriteAsync(AppDb db, TimeProvider clock, AuditRecorder audit, Actor actor,
        SaveReview.Command command, bool submit, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == command.AssignmentId, ct);
            if (assignment is null) return Outcome<SaveReview.Saved>.NotFound();
            var read = Permissions.CanReadReview(actor, assignment);
            if (!read) return Outcome<SaveReview.Saved>.Denied(read);
            var app = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
                .Select(a => new { a.Stage, a.Category }).FirstAsync(ct);
            var review = await db.Reviews.FirstOrDefaultAsync(r => r.AssignmentId == assignment.Id, ct);
            var may = Permissions.CanScore(actor, assignment, app.Stage, review);
            if (may.Hidden) return Outcome<SaveReview.Saved>.NotFound();
            if (!may) return Outcome<SaveReview.Saved>.Conflict(may.Reason!);
            if (command.ExpectedVersion is { } expected && expected != (review?.Version ?? 0)) return Outcome<SaveReview.Saved>.Stale();

            var rubric = await db.RubricAsync(assignment.Year, app.Category, ct);
            if (rubric is null) return Outcome<SaveReview.Saved>.NotFound();
            var criteria = rubric.Criteria.OrderBy(c => c.Order).ToList();
            var now = clock.GetUtcNow().UtcDateTime;

            var isNew = review is null;
            review ??= new Review
            {
                AssignmentId = assignment.Id, ApplicationId = assignment.ApplicationId, ExpertId = assignment.ExpertId, RubricId = rubric.Id,
                Status = ReviewStatus.Draft,
            };
            if (command.Input is { } input)
            {
                var (scores, problems) = ScoreSheet.Normalize(criteria, new ScoreSheet.Input(
                    input.Scores.Select(s => new CriterionScore((s.Code ?? "").Trim(), s.BandPercent, s.Comment)).ToList(),
                    input.Strengths, input.Opportunities, input.Veto, input.VetoNote));
                if (problems.Count > 0)
                {
                    Forget(db);
                    return Outcome<SaveReview.Saved>.Invalid(problems);
                }
                review.Scores = scores;
                review.Strengths = (input.Strengths ?? "").Trim();
                review.Opportunities = (input.Opportunities ?? "").Trim();
                review.Veto = input.Veto;
                review.VetoNote = input.Veto is null ? null : (input.VetoNote ?? "").Trim();
            }
            if (submit)
            {
                var missing = ScoreSheet.Incomplete(criteria, review.Scores, review.Strengths, review.Opportunities, review.Veto, review.VetoNote);
                if (missing.Count > 0)
                {
                    Forget(db);
                    return Outcome<SaveReview.Saved>.Invalid(missing);
                }
                review.Status = ReviewStatus.Submitted;
                review.SubmittedAt = now;
            }
            review.Total = ScoreSheet.Total(criteria, review.Scores);
            review.UpdatedAt = now;
            review.Version++;
            if (isNew) db.Reviews.Add(review);
            if (rubric.FrozenAt is null)
            {
                // The first score on this rubric: from now on its criteria and thresholds stay as they are.
                rubric.FrozenAt = now;
                rubric.Version++;
            }
            audit.Describe(submit ? "Review.Submitted" : "Review.DraftSaved");
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<SaveReview.Saved>.Ok(new SaveReview.Saved(review.Id, review.Status, review.Version, review.Total, review.UpdatedAt));
            }
            catch (DbUpdateException e) when (attempt < 2 && (e is DbUpdateConcurrencyException { Entries: var entries } && entries.All(x => x.Entity is Rubric)
                                                              || (isNew && e is not DbUpdateConcurrencyException)))
            {
                // Another expert froze the rubric a moment earlier, or the same sheet was created twice at once: read again.
                Forget(db);
            }
            catch (DbUpdateConcurrencyException)
            {
                Forget(db);
                return Outcome<SaveReview.Saved>.Stale();
            }
        }
    }

    private static void Forget(AppDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList()) entry.State = EntityState.Detached;
    }
}
