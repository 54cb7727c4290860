using Excellence.Web.Api;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Users;

/// <summary>Accounts for staff: filter by role, text (name or e-mail) and disabled; newest first.</summary>
public static class ListUsers
{
    public sealed record Query(string? Role, string? Text, bool? Disabled, int Page = 1, int PageSize = 50);

    public sealed record Row(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled,
        string? RecommenderUnit, DateTime CreatedAt, DateTime? LastSignInAt, bool HasPassword);

    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<ListPage<Row>>> Handle(Actor actor, Query query, CancellationToken ct = default)
        {
            if (!actor.IsStaff) return Outcome<ListPage<Row>>.Forbidden(new Problem("Permission.StaffOnly"));
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Role))
            {
                var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).FirstOrDefaultAsync(ct);
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            }
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var text = query.Text.Trim().ToUpperInvariant();
                users = users.Where(u => u.NormalizedEmail!.Contains(text) || u.DisplayName.ToUpper().Contains(text));
            }
            if (query.Disabled is { } disabled) users = users.Where(u => u.IsDisabled == disabled);

            var total = await users.CountAsync(ct);
            var page = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .Select(u => new
                {
                    u.Id, u.Email, u.DisplayName, u.IsDisabled, u.CreatedAt, u.LastSignInAt, HasPassword = u.PasswordHash != null,
                    Unit = db.RecommenderUnits.Where(r => r.Id == u.RecommenderUnitId).Select(r => r.Name).FirstOrDefault(),
                }).ToListAsync(ct);
            var ids = page.Select(u => u.Id).ToList();
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
            var rows = page.Select(u => new Row(u.Id, u.Email ?? "", u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Domain.Roles.All.ToList().IndexOf(r)).ToList(),
                u.IsDisabled, u.Unit, u.CreatedAt, u.LastSignInAt, u.HasPassword)).ToList();
            return Outcome<ListPage<Row>>.Ok(new ListPage<Row>(rows, total, query.Page, query.PageSize));
        }
    }
}
