using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Diagnosis;

/// <summary>Saves answers as they are given (one or many; an empty value clears). Stale when the version moved on.</summary>
public static class SaveAnswers
{
    public sealed record Command(Guid Id, IReadOnlyDictionary<string, string?> Answers, int? ExpectedVersion);

    public sealed record Saved(int Version, DateTime SavedAt, int Answered, int Total);

    public sealed class Handler(AppDb db, AuditRecorder audit, TimeProvider clock)
    {
        public async Task<Outcome<Saved>> Handle(Actor actor, Command command, CancellationToken ct = default)
        {
            var diagnosis = await DiagnosisQueries.Find(db, command.Id, ct);
            if (diagnosis is null) return Outcome<Saved>.NotFound();
            var decision = Permissions.CanEditDiagnosis(actor, diagnosis.OrganizationId, diagnosis.IsSubmitted);
            if (!decision) return Outcome<Saved>.Denied(decision);
            if (command.ExpectedVersion is { } expected && expected != diagnosis.Version) return Outcome<Saved>.Stale();

            var system = (await DiagnosisQueries.SystemOf(db, diagnosis, ct)).Definition;
            var now = clock.GetUtcNow().UtcDateTime;
            var problems = new FieldProblems();
            foreach (var (code, value) in command.Answers)
                problems.Add($"answers[{code}]", diagnosis.Answer(system, code, value, now));
            if (problems.Count > 0) return Outcome<Saved>.Invalid(problems);

            diagnosis.Version++;
            audit.Describe("Diagnosis.Answered");
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Saved>.Stale(); }
            var total = system.AllIndicators.Count();
            return Outcome<Saved>.Ok(new Saved(diagnosis.Version, now, total - Domain.Diagnosis.Scoring.Unanswered(system, diagnosis.Answers).Count, total));
        }
    }
}
