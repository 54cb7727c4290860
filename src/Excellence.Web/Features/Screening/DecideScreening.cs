using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// 条件审查 (Article 9): the secretariat passes the application to the preliminary review, fails it with a reason the
/// applicant sees (a veto found at screening is a fail of kind Veto), or asks for supplementary material by a due
/// date with an itemised list. The checklist answers are saved with the decision; the applicant is told by mail.
/// </summary>
public static class DecideScreening
{
    public sealed record ChecklistInput(string? Code, bool? Met, string? Note);

    public sealed record Command(Guid Id, ScreeningDecision? Decision, string? Reason, FailKind? FailKind = null, DateOnly? DueDate = null,
        IReadOnlyList<ChecklistInput>? Checklist = null, IReadOnlyList<string?>? Items = null, string? Note = null);

    public sealed record Result(Guid RecordId, ScreeningDecision Decision, Stage Stage, Guid? SupplementRequestId);

    public const int MaxReasonLength = 5000;
    public const int MaxChecklistNoteLength = 1000;

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, NotifyApplicant.Handler notify)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == command.Id, ct);
            if (a is null) return Outcome<Result>.NotFound();
            var may = Permissions.CanScreen(actor, a);
            if (may.Hidden) return Outcome<Result>.NotFound();
            if (!may) return Outcome<Result>.Conflict(may.Reason!);

            var today = clock.Today();
            var checklist = await ScreeningChecklists.CurrentAsync(db, a.Year, a.Category, ct);
            var problems = new FieldProblems();
            var answers = Answers(checklist, command.Checklist, problems);
            var reason = (command.Reason ?? "").Trim();
            var note = (command.Note ?? "").Trim();
            var items = SupplementRules.CleanItems(command.Items);
            if (reason.Length > MaxReasonLength) problems.Add("reason", "Validation.TooLong", MaxReasonLength);
            if (note.Length > MaxReasonLength) problems.Add("note", "Validation.TooLong", MaxReasonLength);
            switch (command.Decision)
            {
                case null:
                    problems.Add("decision", "Validation.Choice");
                    break;
                case ScreeningDecision.Pass:
                    if (answers.Any(x => x.Met != true)) problems.Add("checklist", "Screening.ChecklistNotAllMet");
                    break;
                case ScreeningDecision.Fail:
                    if (reason.Length == 0) problems.Add("reason", command.FailKind == FailKind.Veto ? "Screening.VetoReasonRequired" : "Screening.ReasonRequired");
                    break;
                case ScreeningDecision.RequestSupplement:
                    problems.Add("dueDate", SupplementRules.CheckDueDate(command.DueDate, today));
                    if (items.Count == 0) problems.Add("items", "Screening.ItemsRequired");
                    if (items.Count > SupplementRules.MaxItems) problems.Add("items", "Screening.TooManyItems", SupplementRules.MaxItems);
                    if (items.Any(i => i.Length > SupplementRules.MaxTextLength)) problems.Add("items", "Validation.TooLong", SupplementRules.MaxTextLength);
                    break;
            }
            if (problems.Count > 0) return Outcome<Result>.Invalid(problems);

            var now = clock.UtcNow();
            var decision = command.Decision!.Value;
            var record = new ScreeningRecord
            {
                ApplicationId = a.Id, Decision = decision, Reason = reason.Length == 0 ? null : reason, InternalNote = note.Length == 0 ? null : note,
                FailKind = decision == ScreeningDecision.Fail ? command.FailKind ?? FailKind.Conditions : null,
                Checklist = answers, ByUserId = actor.UserId, ByName = actor.Name, At = now,
            };
            SupplementRequest? request = null;
            if (decision == ScreeningDecision.RequestSupplement)
            {
                var rounds = await db.SupplementRequests.CountAsync(r => r.ApplicationId == a.Id, ct);
                request = new SupplementRequest
                {
                    ApplicationId = a.Id, RoundNumber = rounds + 1, DueOn = command.DueDate!.Value, RequestedAt = now,
                    RequestedBy = actor.UserId, RequestedByName = actor.Name,
                };
                request.Items = items.Select((text, i) => new SupplementItem { RequestId = request.Id, Order = i + 1, Text = text }).ToList();
                record.SupplementRequestId = request.Id;
                db.SupplementRequests.Add(request);
            }
            var move = decision switch
            {
                ScreeningDecision.Pass => Move.PassScreening,
                ScreeningDecision.Fail => Move.FailScreening,
                _ => Move.RequestSupplement,
            };
            db.StageChanges.Add(Workflow.Apply(a, move, actor, now, record.Reason));
            a.Version++;
            db.ScreeningRecords.Add(record);
            audit.Describe(decision switch
            {
                ScreeningDecision.Pass => "Screening.Passed",
                ScreeningDecision.Fail => record.FailKind == FailKind.Veto ? "Screening.Vetoed" : "Screening.Failed",
                _ => "Screening.SupplementRequested",
            }, record.Reason);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<Result>.Stale(); }

            if (request is not null)
                await notify.SendAsync(a, "Screening.Mail.SupplementSubject", "Screening.Mail.SupplementBody",
                    $"/Organization/Applications/{a.Id}/Supplement/{request.Id}",
                    [request.DueOn.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
                        string.Join("\n", request.Items.Select(i => $"{i.Order}. {i.Text}")), record.Reason ?? ""], ct);
            else
                await notify.SendAsync(a, decision == ScreeningDecision.Pass ? "Screening.Mail.PassedSubject" : "Screening.Mail.FailedSubject",
                    decision == ScreeningDecision.Pass ? "Screening.Mail.PassedBody" : "Screening.Mail.FailedBody",
                    $"/Organization/Applications/{a.Id}", [record.Reason ?? ""], ct);
            return Outcome<Result>.Ok(new Result(record.Id, decision, a.Stage, request?.Id));
        }

        /// <summary>One answer per checklist item, in the checklist's order, with the item's text; unknown codes are refused.</summary>
        private static List<ChecklistAnswer> Answers(ChecklistView checklist, IReadOnlyList<ChecklistInput>? input, FieldProblems problems)
        {
            var given = new Dictionary<string, ChecklistInput>(StringComparer.Ordinal);
            foreach (var x in input ?? [])
            {
                var code = (x.Code ?? "").Trim();
                if (checklist.Items.All(i => i.Code != code)) problems.Add("checklist", "Screening.UnknownItem", code);
                else if ((x.Note ?? "").Trim().Length > MaxChecklistNoteLength) problems.Add("checklist", "Validation.TooLong", MaxChecklistNoteLength);
                else given[code] = x;
            }
            return checklist.Items.Select(i =>
            {
                given.TryGetValue(i.Code, out var x);
                var note = (x?.Note ?? "").Trim();
                return new ChecklistAnswer(i.Code, i.Text, x?.Met, note.Length == 0 ? null : note);
            }).ToList();
        }
    }
}
