using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo: the 2024 year is published — three results of the two demo organisations (one not consenting to be named),
/// with certificates, so /results, the certificates and /verify/{code} can be shown.
/// </summary>
public sealed class ResultsDemoData : IDemoDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (await db.Publications.AnyAsync(ct)) return;
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == 2024, ct);
        var emails = new[] { "applicant@demo.local", "applicant2@demo.local", "secretariat@demo.local" };
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email!, ct);
        if (round is null || users.Count < 3 || users["applicant@demo.local"].OrganizationId is not { } first
            || users["applicant2@demo.local"].OrganizationId is not { } second) return;

        Application Result(Guid org, Category category, Level level, string title, int n, bool consent = true) => new()
        {
            RoundId = round.Id, Year = 2024, Category = category, OrganizationId = org, Stage = Stage.PublicNotice,
            CreatedAt = now.AddYears(-2), UpdatedAt = now.AddYears(-2), SubmittedAt = now.AddYears(-2), UpdatedByName = "demo",
            ReceiptNumber = $"2024-{Features.Applications.ApplicationLoading.ReceiptCode(category)}-{n:0000}", Title = title,
            Overview = "成果概述。", Content = "成果内容。", Effectiveness = "管理成效。", OwnUnitOpinion = "同意推荐。", IsDirect = true,
            ProposedLevel = level, ApprovedLevel = level, ConsentToPublish = consent, PreliminaryScore = level == Level.Benchmark ? 88.5m : 78.0m,
        };
        var individual = Result(second, Category.IndividualExperience, Level.Advancing, "班组“三检制”质量改进经验", 3);
        individual.Nominee = new Nominee { ApplicationId = individual.Id, Name = "陈志强", Department = "制造部", Position = "班组长" };
        db.Applications.AddRange(
            Result(first, Category.OrganizationModel, Level.Benchmark, "精密制造全过程数字化质量管控模式", 1),
            Result(second, Category.SinglePractice, Level.Excellent, "供应商质量协同改进实践", 2, consent: false),
            individual);
        await db.SaveChangesAsync(ct);

        var secretariat = users["secretariat@demo.local"];
        var actor = new Actor(secretariat.Id, secretariat.DisplayName, new HashSet<string> { Roles.Secretariat }, null, null);
        await services.GetRequiredService<PublishResults.Handler>().HandleAsync(actor, new PublishResults.Command(2024), ct);
    }
}
