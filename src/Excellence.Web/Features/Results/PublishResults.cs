using System.Security.Cryptography;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Results;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Results;

/// <summary>
/// 成果发布: the secretariat publishes a year's results once its public notice has ended. Every application still in
/// PublicNotice moves to Published; those with an approved level get a certificate (numbered per year and category);
/// each category gets its Publication record, which also releases the feedback of the not-approved applications.
/// </summary>
public static class PublishResults
{
    public sealed record Command(int Year);

    public sealed record CategorySummary(Category Category, int Recognised, int NotRecognised, IReadOnlyList<string> CertificateNumbers);

    public sealed record Summary(int Year, IReadOnlyList<CategorySummary> Categories);

    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public async Task<Outcome<Summary>> HandleAsync(Actor actor, Command command, CancellationToken ct = default)
        {
            var may = Permissions.CanPublishResults(actor);
            if (!may) return Outcome<Summary>.Denied(may);
            var now = clock.UtcNow();
            var year = command.Year;

            var candidates = await db.Applications.Include(a => a.Nominee)
                .Where(a => a.Year == year && a.Stage == Stage.PublicNotice).ToListAsync(ct);
            var notApproved = await db.Applications.Where(a => a.Year == year && a.Stage == Stage.NotApproved)
                .Select(a => a.Category).Distinct().ToListAsync(ct);
            var published = await db.Publications.Where(p => p.Year == year).Select(p => p.Category).ToListAsync(ct);
            var categories = candidates.Select(a => a.Category).Concat(notApproved).Distinct()
                .Where(c => !published.Contains(c) || candidates.Any(a => a.Category == c)).Order().ToList();

            var candidateIds = candidates.Select(a => a.Id).ToList();
            var undecided = await db.Objections.CountAsync(o => candidateIds.Contains(o.ApplicationId) && o.Status == Domain.Notices.ObjectionStatus.Received, ct);
            var refused = ResultRules.CanPublish(await NoticeEndsAtAsync(year, ct), now, categories.Count, undecided);
            if (refused is not null) return Outcome<Summary>.Conflict(refused);

            var organizationIds = candidates.Select(a => a.OrganizationId).Distinct().ToList();
            var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var summaries = new List<CategorySummary>();
            foreach (var category in categories)
            {
                var inCategory = candidates.Where(a => a.Category == category)
                    .OrderBy(a => a.ApprovedLevel is null).ThenBy(a => a.ApprovedLevel).ThenBy(a => a.ReceiptNumber).ThenBy(a => a.Id).ToList();
                var sequence = await db.Certificates.Where(c => c.Year == year && c.Category == category).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
                var numbers = new List<string>();
                foreach (var a in inCategory)
                {
                    db.StageChanges.Add(Workflow.Apply(a, Move.Publish, actor, now));
                    a.Version++;
                    if (a.ApprovedLevel is not { } level) continue;
                    sequence++;
                    var certificate = Issue(a, level, sequence, organizations[a.OrganizationId], now);
                    db.Certificates.Add(certificate);
                    numbers.Add(certificate.Number);
                }
                var summary = new CategorySummary(category, numbers.Count, inCategory.Count - numbers.Count, numbers);
                if (!published.Contains(category))
                    db.Publications.Add(new Publication
                    {
                        Year = year, Category = category, PublishedAt = now, PublishedBy = actor.UserId, PublishedByName = actor.Name,
                        Recognised = summary.Recognised, NotRecognised = summary.NotRecognised,
                    });
                summaries.Add(summary);
            }

            audit.Describe("Results.Published", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Outcome<Summary>.Stale(); }
            return Outcome<Summary>.Ok(new Summary(year, summaries));
        }

        /// <summary>The end of the year's latest public notice period (results are published only after it), or null.</summary>
        private async Task<DateTime?> NoticeEndsAtAsync(int year, CancellationToken ct)
        {
            var start = await db.PublicNotices.AsNoTracking().Where(n => n.Year == year)
                .OrderByDescending(n => n.StartDate).Select(n => (DateOnly?)n.StartDate).FirstOrDefaultAsync(ct);
            return start is { } day ? Domain.Notices.NoticePeriod.EndUtc(day) : null;
        }
    }

    internal static Certificate Issue(Application a, Level level, int sequence, string organizationName, DateTime now) => new()
    {
        Number = ResultRules.CertificateNumber(a.Year, a.Category, sequence),
        Code = NewCode(),
        ApplicationId = a.Id, OrganizationId = a.OrganizationId, Year = a.Year, Category = a.Category, Sequence = sequence, Level = level,
        HolderName = a.IsIndividual && a.Nominee is { Name.Length: > 0 } n ? n.Name : organizationName,
        OrganizationName = organizationName, Title = a.Title, IssuedAt = now, IssuedOn = Shanghai.Today(new DateTimeOffset(now, TimeSpan.Zero)),
    };

    /// <summary>160 random bits as 32 base32 characters (RFC 4648 alphabet, no padding).</summary>
    public static string NewCode()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = RandomNumberGenerator.GetBytes(20);
        var chars = new char[32];
        for (var i = 0; i < 32; i++)
        {
            var bit = i * 5;
            var value = (bytes[bit / 8] << 8 | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            chars[i] = alphabet[value];
        }
        return new string(chars);
    }
}
