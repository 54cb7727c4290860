using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Notices;

/// <summary>The objection as the secretariat sees it in lists and on its page: the objector masked.</summary>
public sealed record ObjectionRow(Guid Id, string ReceiptNumber, DateTime SubmittedAt, ObjectionStatus Status, string NameMasked,
    ObjectorIdentity IdentityKind, string IdentityMasked, string ContactMasked, bool HasEmail, string Organization,
    Guid NoticeId, Guid ApplicationId, string? ApplicationReceipt, string ApplicationTitle, string ApplicantName, Category Category,
    Level? ApprovedLevel, Stage Stage);

/// <summary>Every objection, newest first, optionally of one status (secretariat only).</summary>
public static class ListObjections
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<IReadOnlyList<ObjectionRow>>> HandleAsync(Actor actor, ObjectionStatus? status, CancellationToken ct = default)
        {
            var may = Permissions.CanReadObjections(actor);
            if (!may) return Outcome<IReadOnlyList<ObjectionRow>>.Denied(may);
            var rows = await Rows(db, status is { } s ? o => o.Status == s : null).ToListAsync(ct);
            return Outcome<IReadOnlyList<ObjectionRow>>.Ok(rows.OrderByDescending(r => r.SubmittedAt).ToList());
        }
    }

    /// <summary>The rows, filtered on the objection before the projection (which the database cannot filter on).</summary>
    internal static IQueryable<ObjectionRow> Rows(AppDb db, System.Linq.Expressions.Expression<Func<Objection, bool>>? filter) =>
        from o in filter is null ? db.Objections.AsNoTracking() : db.Objections.AsNoTracking().Where(filter)
        join a in db.Applications.AsNoTracking() on o.ApplicationId equals a.Id
        join org in db.Organizations.AsNoTracking() on a.OrganizationId equals org.Id
        select new ObjectionRow(o.Id, o.ReceiptNumber, o.SubmittedAt, o.Status, o.NameMasked, o.IdentityKind, o.IdentityMasked,
            o.ContactMasked, o.HasEmail, o.Organization, o.NoticeId, a.Id, a.ReceiptNumber, a.Title, org.Name, a.Category, a.ApprovedLevel, a.Stage);
}
