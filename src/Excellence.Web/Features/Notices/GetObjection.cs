using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

public sealed record ObjectionFileView(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record ObjectionView(ObjectionRow Row, string Grounds, IReadOnlyList<ObjectionFileView> Files, string Findings,
    ObjectionRemedy? Remedy, Level? LevelBefore, Level? NewLevel, string Explanation, ObjectionAnswer? AnsweredBy, string AnswerNote,
    DateTime? DecidedAt, string? DecidedByName, int Version);

/// <summary>One objection with its grounds, files and decision (secretariat only; the objector stays masked).</summary>
public static class GetObjection
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<ObjectionView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var may = Permissions.CanReadObjections(actor);
            if (!may) return Outcome<ObjectionView>.Denied(may);
            var row = await ListObjections.Rows(db, o => o.Id == id).FirstOrDefaultAsync(ct);
            if (row is null) return Outcome<ObjectionView>.NotFound();
            var o = await db.Objections.AsNoTracking().Include(x => x.Files).FirstAsync(x => x.Id == id, ct);
            return Outcome<ObjectionView>.Ok(new ObjectionView(row, o.Grounds,
                o.Files.OrderBy(f => f.FileName).Select(f => new ObjectionFileView(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256)).ToList(),
                o.Findings, o.Remedy, o.LevelBefore, o.NewLevel, o.Explanation, o.AnsweredBy, o.AnswerNote, o.DecidedAt, o.DecidedByName, o.Version));
        }
    }
}
