using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features.Applications;
using Excellence.Web.Infrastructure.Files;
using Excellence.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// The applicant answers the open supplement request: each item with text and/or files. Files pass the evidence
/// checks (streamed to disk, recognised by content, the year's per-file limit); one refused file refuses the whole
/// answer and nothing is kept. A late answer is accepted and marked late. The application returns to screening.
/// </summary>
public static class AnswerSupplement
{
    public sealed record FileInput(string? FileName, Stream Content);

    public sealed record ItemAnswer(Guid ItemId, string? Text, IReadOnlyList<FileInput> Files);

    public sealed record Command(Guid ApplicationId, Guid RequestId, IReadOnlyList<ItemAnswer> Answers);

    public sealed record Result(Guid RequestId, DateTime AnsweredAt, bool Late, int DaysLate, Stage Stage);

    public const int MaxFilesPerItem = 10;

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit, IOptions<ExcellenceOptions> options)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == command.ApplicationId, ct);
            if (a is null) return Outcome<Result>.NotFound();
            var request = await db.SupplementRequests.Include(r => r.Items)
                .FirstOrDefaultAsync(r => r.Id == command.RequestId && r.ApplicationId == a.Id, ct);
            if (request is null) return Outcome<Result>.NotFound();
            var may = Permissions.CanAnswerSupplement(actor, a, request);
            if (may.Hidden) return Outcome<Result>.NotFound();
            if (!may) return Outcome<Result>.Conflict(may.Reason!);

            var problems = new FieldProblems();
            var byItem = command.Answers.GroupBy(x => x.ItemId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var unknown in byItem.Keys.Where(id => request.Items.All(i => i.Id != id))) problems.Add("items", "Supplement.UnknownItem");
            foreach (var item in request.Items)
            {
                var given = byItem.GetValueOrDefault(item.Id) ?? [];
                var text = string.Join("\n", given.Select(g => (g.Text ?? "").Trim()).Where(t => t.Length > 0));
                var files = given.Sum(g => g.Files.Count);
                if (text.Length == 0 && files == 0) problems.Add(Field(item), "Supplement.ItemUnanswered", item.Order);
                if (text.Length > SupplementRules.MaxAnswerLength) problems.Add(Field(item), "Validation.TooLong", SupplementRules.MaxAnswerLength);
                if (files > MaxFilesPerItem) problems.Add(Field(item), "Supplement.TooManyFiles", MaxFilesPerItem);
            }
            if (problems.Count > 0) return Outcome<Result>.Invalid(problems);

            var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == a.RoundId, ct);
            var store = new EvidenceStore(options);
            var now = clock.UtcNow();
            var received = new List<(EvidenceStore.Received File, SupplementFile Row)>();
            try
            {
                foreach (var item in request.Items)
                    foreach (var f in (byItem.GetValueOrDefault(item.Id) ?? []).SelectMany(g => g.Files))
                    {
                        var r = await store.ReceiveAsync(f.Content, round.EvidenceFileLimitBytes, ct);
                        Problem? why = null;
                        EvidenceKind? kind = null;
                        if (r.TooLarge) why = new Problem("Evidence.TooLarge", round.EvidenceFileLimitBytes / (1024 * 1024));
                        else if (r.Size == 0) why = new Problem("Evidence.Empty");
                        else (kind, why) = EvidenceInspector.Inspect(r.TempPath);
                        if (why is not null || kind is null)
                        {
                            EvidenceStore.Discard(r.TempPath);
                            problems.Add(new FieldProblem(Field(item), why ?? new Problem("Evidence.UnknownType")));
                            continue;
                        }
                        received.Add((r, new SupplementFile
                        {
                            ItemId = item.Id, RequestId = request.Id, ApplicationId = a.Id,
                            FileName = EvidenceFiles.SafeName(f.FileName, kind.Value), ContentType = EvidenceFiles.ContentType(kind.Value),
                            Size = r.Size, Sha256 = r.Sha256, StoredName = Guid.NewGuid().ToString("N"), UploadedAt = now, UploadedBy = actor.UserId,
                        }));
                    }
            }
            catch
            {
                foreach (var (r, _) in received) EvidenceStore.Discard(r.TempPath);
                throw;
            }
            if (problems.Count > 0)
            {
                foreach (var (r, _) in received) EvidenceStore.Discard(r.TempPath);
                return Outcome<Result>.Invalid(problems);
            }

            foreach (var item in request.Items)
            {
                var text = string.Join("\n", (byItem.GetValueOrDefault(item.Id) ?? []).Select(g => (g.Text ?? "").Trim()).Where(t => t.Length > 0));
                item.Answer = text.Length == 0 ? null : text;
            }
            var daysLate = SupplementRules.DaysLate(request.DueOn, now);
            request.AnsweredAt = now;
            request.AnsweredBy = actor.UserId;
            request.AnsweredByName = actor.Name;
            request.IsLate = daysLate > 0;
            db.StageChanges.Add(Workflow.Apply(a, Move.AnswerSupplement, actor, now));
            a.Version++;
            foreach (var (r, row) in received)
            {
                store.Keep(r.TempPath, row.StoredName);
                db.SupplementFiles.Add(row);
            }
            audit.Describe("Supplement.Answered", request.IsLate ? $"late by {daysLate} day(s)" : null);
            try { await db.SaveChangesAsync(ct); }
            catch (Exception e)
            {
                foreach (var (_, row) in received) store.Delete(row.StoredName);
                if (e is DbUpdateConcurrencyException) return Outcome<Result>.Stale();
                throw;
            }
            return Outcome<Result>.Ok(new Result(request.Id, now, request.IsLate, daysLate, a.Stage));
        }

        private static string Field(SupplementItem item) => $"items[{item.Id}]";
    }
}
