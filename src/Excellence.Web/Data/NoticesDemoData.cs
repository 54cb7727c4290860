using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// A public notice open at the demo's (real) clock: started two days ago in Shanghai, listing four approved
/// achievements of the latest year, one of whose applicants did not consent to publish its name. Idempotent.
/// </summary>
public sealed class NoticesDemoData : IDemoDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.PublicNotices.AnyAsync(ct)) return;
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Take(4).ToListAsync(ct);
        if (round is null || orgs.Count == 0) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var start = Shanghai.Today(clock.GetUtcNow()).AddDays(-2);
        string[] titles = ["以客户为中心的卓越绩效管理模式", "数字化驱动的全面质量管理实践", "精益生产现场改善创新实践", "基于大数据的质量追溯管理实践"];
        Level[] levels = [Level.Benchmark, Level.Excellent, Level.Excellent, Level.Advancing];
        var notice = new PublicNotice
        {
            RoundId = round.Id, Year = round.Year, StartDate = start, Contact = "上海市质量协会评价秘书处 021-62571234，shqa@demo.local",
            CreatedAt = now, CreatedByName = "秘书处（演示）",
        };
        for (var i = 0; i < orgs.Count; i++)
        {
            var a = new Application
            {
                RoundId = round.Id, Year = round.Year, Category = i == 0 ? Category.OrganizationModel : Category.SinglePractice,
                OrganizationId = orgs[i].Id, Stage = Stage.PublicNotice, Title = titles[i], ApprovedLevel = levels[i], ConsentToPublish = i != 2,
                ReceiptNumber = $"{round.Year}-GS-{i + 1:D4}", CreatedAt = now.AddDays(-90), UpdatedAt = now, SubmittedAt = now.AddDays(-80),
                UpdatedByName = "演示数据", Overview = "（演示）", Content = "（演示）", Effectiveness = "（演示）", OwnUnitOpinion = "同意申报。", IsDirect = true,
            };
            db.Applications.Add(a);
            db.StageChanges.Add(new StageChange
            {
                ApplicationId = a.Id, From = Stage.Approved, To = Stage.PublicNotice, Move = Move.StartPublicNotice, At = now, ByName = "秘书处（演示）",
            });
            notice.Items.Add(new PublicNoticeItem { NoticeId = notice.Id, ApplicationId = a.Id, Position = i + 1 });
        }
        db.PublicNotices.Add(notice);
        await db.SaveChangesAsync(ct);
    }
}
