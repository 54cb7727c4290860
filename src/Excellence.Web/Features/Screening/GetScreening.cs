using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Screening;

/// <summary>
/// The screening file of one application: the decisions and the supplement rounds with their answers. The owner
/// sees the requests and the decisions' reasons; the internal notes, the checklist answers and the staff names are
/// the secretariat's.
/// </summary>
public static class GetScreening
{
    public sealed record RecordView(Guid Id, ScreeningDecision Decision, FailKind? FailKind, string? Reason, DateTime At,
        string? ByName, string? InternalNote, IReadOnlyList<ChecklistAnswer>? Checklist, Guid? SupplementRequestId);

    public sealed record FileView(Guid Id, string FileName, string ContentType, long Size, string Sha256);

    public sealed record ItemView(Guid Id, int Order, string Text, string? Answer, IReadOnlyList<FileView> Files);

    public sealed record RequestView(Guid Id, Guid ApplicationId, int RoundNumber, DateOnly DueOn, DateTime RequestedAt, string? RequestedByName, string? Message,
        DateTime? AnsweredAt, string? AnsweredByName, bool IsOpen, bool IsLate, bool IsOverdue, int DaysLate, double HoursTaken,
        IReadOnlyList<ItemView> Items);

    public sealed record View(Guid ApplicationId, Stage Stage, IReadOnlyList<RecordView> Records, IReadOnlyList<RequestView> Requests,
        ChecklistView? Checklist, bool CanDecide)
    {
        public RequestView? OpenRequest => Requests.FirstOrDefault(r => r.IsOpen);
    }

    public sealed class Handler(AppDb db, TimeProvider clock)
    {
        public async Task<Outcome<View>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null) return Outcome<View>.NotFound();
            var read = Permissions.CanReadScreening(actor, a);
            if (!read) return Outcome<View>.Denied(read);
            var staff = Permissions.SeesScreeningInternals(actor);
            var now = clock.UtcNow();

            var records = await db.ScreeningRecords.AsNoTracking().Where(r => r.ApplicationId == a.Id).OrderBy(r => r.At).ToListAsync(ct);
            var requests = await db.SupplementRequests.AsNoTracking().Include(r => r.Items).Where(r => r.ApplicationId == a.Id)
                .OrderBy(r => r.RoundNumber).ToListAsync(ct);
            var files = await db.SupplementFiles.AsNoTracking().Where(f => f.ApplicationId == a.Id).OrderBy(f => f.UploadedAt).ThenBy(f => f.Id).ToListAsync(ct);
            var messages = records.Where(r => r.SupplementRequestId is not null).ToDictionary(r => r.SupplementRequestId!.Value, r => r.Reason);

            var recordViews = records.Select(r => new RecordView(r.Id, r.Decision, r.FailKind, r.Reason, r.At,
                staff ? r.ByName : null, staff ? r.InternalNote : null, staff ? r.Checklist : null, r.SupplementRequestId)).ToList();
            var requestViews = requests.Select(r => new RequestView(r.Id, r.ApplicationId, r.RoundNumber, r.DueOn, r.RequestedAt, staff ? r.RequestedByName : null,
                messages.GetValueOrDefault(r.Id), r.AnsweredAt, r.AnsweredByName, r.IsOpen, r.IsLate, SupplementRules.IsOverdue(r, now),
                SupplementRules.DaysLate(r.DueOn, r.AnsweredAt ?? now), Math.Round(SupplementRules.TimeTaken(r, now).TotalHours, 1),
                r.Items.OrderBy(i => i.Order).Select(i => new ItemView(i.Id, i.Order, i.Text, i.Answer,
                    files.Where(f => f.ItemId == i.Id).Select(f => new FileView(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256)).ToList())).ToList()))
                .ToList();
            var checklist = staff ? await ScreeningChecklists.CurrentAsync(db, a.Year, a.Category, ct) : null;
            return Outcome<View>.Ok(new View(a.Id, a.Stage, recordViews, requestViews, checklist, Permissions.CanScreen(actor, a)));
        }
    }
}

/// <summary>The one door to a supplement file: the secretariat and the owner.</summary>
public static class DownloadSupplementFile
{
    public sealed record File(SupplementFile Row, Stream Content);

    public sealed class Handler(AppDb db, Microsoft.Extensions.Options.IOptions<Infrastructure.Hosting.ExcellenceOptions> options)
    {
        public async Task<Outcome<File>> HandleAsync(Actor actor, Guid applicationId, Guid fileId, CancellationToken ct = default)
        {
            var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null || !Permissions.CanReadScreening(actor, a)) return Outcome<File>.NotFound();
            var f = await db.SupplementFiles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fileId && x.ApplicationId == applicationId, ct);
            return f is null ? Outcome<File>.NotFound()
                : Outcome<File>.Ok(new File(f, new Infrastructure.Files.EvidenceStore(options).Open(f.StoredName)));
        }
    }
}
