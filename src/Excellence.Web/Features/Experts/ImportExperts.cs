using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Excellence.Web.Features.Experts;

/// <summary>
/// Imports the expert workbook (<see cref="ExpertSheet"/>): every row is checked first and any problem
/// rejects the whole file with row-level errors ("row 3: …"), nothing changed. Rows update the expert with
/// the same e-mail, else the same credit code and name, else add one; accounts are created when asked.
/// </summary>
public static class ImportExperts
{
    public sealed record Command(Stream Content, bool CreateAccounts);

    public sealed record Result(int Created, int Updated, int AccountsCreated);

    public const int MaxRows = 5000;

    public sealed class Handler(AppDb db, PersonalData pii, TimeProvider clock, AuditRecorder audit, StringCatalog catalog, LinkExpertAccount.Handler accounts)
    {
        public async Task<Outcome<Result>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanManageExperts(actor);
            if (!may) return Outcome<Result>.Denied(may);
            List<IDictionary<string, object?>> rows;
            try
            {
                using var buffer = new MemoryStream();
                await command.Content.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                rows = buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
                    .Where(r => r.Values.Any(v => v is not null && !string.IsNullOrWhiteSpace(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
                    .ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Outcome<Result>.Invalid("file", "Experts.Import.NotWorkbook");
            }
            if (rows.Count == 0) return Outcome<Result>.Invalid("file", "Experts.Import.Empty");
            if (rows.Count > MaxRows) return Outcome<Result>.Invalid("file", "Experts.Import.TooManyRows", MaxRows);
            var missing = ExpertSheet.Headers.Take(3).Where(h => !rows[0].ContainsKey(h)).ToList();
            if (missing.Count > 0) return Outcome<Result>.Invalid("file", "Experts.Import.MissingColumns", string.Join("、", missing));

            var pool = await db.Experts.ToListAsync(ct);
            var problems = new FieldProblems();
            var plan = new List<(ExpertInput Input, Expert? Existing)>();
            var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < rows.Count; i++)
            {
                var rowNumber = i + 2; // the header is row 1
                var prefix = $"row{rowNumber}.";
                var (input, cellProblems) = ExpertSheet.Read(rows[i], catalog, prefix);
                problems.AddRange(cellProblems);
                problems.AddRange(ExpertRules.Validate(input, prefix));
                var email = (input.Email ?? "").Trim();
                if (email.Length > 0)
                {
                    if (seenEmails.TryGetValue(email, out var first)) problems.Add(prefix + "email", "Experts.Import.DuplicateEmail", first);
                    else seenEmails[email] = rowNumber;
                }
                var code = Conflicts.NormalizeCode(input.OrganizationCreditCode);
                var existing = pool.FirstOrDefault(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase))
                    ?? (code.Length > 0 ? pool.FirstOrDefault(e => Conflicts.NormalizeCode(e.OrganizationCreditCode) == code && e.Name == (input.Name ?? "").Trim()) : null);
                plan.Add((input, existing));
            }
            if (problems.Count > 0) return Outcome<Result>.Invalid(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            int created = 0, updated = 0;
            foreach (var (input, existing) in plan)
            {
                var expert = existing;
                if (expert is null) { expert = new Expert(); db.Experts.Add(expert); created++; }
                else { expert.Version++; updated++; }
                ExpertRules.Apply(expert, input, pii, now);
            }
            audit.Describe("Experts.Imported");
            audit.Record("Experts.Imported", nameof(Expert), "import", after: new { Rows = rows.Count, Created = created, Updated = updated });
            await db.SaveChangesAsync(ct);

            var accountsCreated = 0;
            if (command.CreateAccounts)
            {
                foreach (var (input, existing) in plan)
                {
                    var email = input.Email!.Trim();
                    var expert = existing ?? await db.Experts.FirstAsync(e => e.Email == email, ct);
                    if (expert.UserId is not null) continue;
                    var linked = await accounts.EnsureAsync(actor, expert, ct);
                    if (linked.IsOk) accountsCreated++;
                }
            }
            return Outcome<Result>.Ok(new Result(created, updated, accountsCreated));
        }
    }
}
