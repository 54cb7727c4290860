using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Experts;

/// <summary>The pool (as filtered) in the import workbook's layout, so an export can be edited and imported back.</summary>
public static class ExportExperts
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class Handler(AppDb db, StringCatalog catalog)
    {
        public async Task<Outcome<byte[]>> HandleAsync(Actor actor, ListExperts.Query query, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<byte[]>.Denied(may);
            var experts = await db.Experts.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
            if (query.Active is { } active) experts = experts.Where(e => e.IsActive == active).ToList();
            if (query.Category is { } c) experts = experts.Where(e => e.Categories.Contains(c)).ToList();
            if (!string.IsNullOrWhiteSpace(query.Q))
                experts = experts.Where(e => e.Name.Contains(query.Q.Trim()) || e.OrganizationName.Contains(query.Q.Trim())).ToList();
            return Outcome<byte[]>.Ok(Infrastructure.Documents.SimpleSheet.Write("专家库", ExpertSheet.Headers,
                experts.Select(e => ExpertSheet.Row(e, catalog))));
        }
    }
}
