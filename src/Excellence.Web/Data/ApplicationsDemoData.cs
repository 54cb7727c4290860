using System.Text.Json;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo: applicant@demo.local's organisation has a draft and a submitted application naming 浦东新区市场监督管理局
/// (recommender@demo.local's unit), in the open year.
/// </summary>
public sealed class ApplicationsDemoData : IDemoDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "applicant@demo.local", ct);
        if (user?.OrganizationId is not { } orgId || await db.Applications.AnyAsync(a => a.OrganizationId == orgId, ct)) return;
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Phases).Include(r => r.Categories).ToListAsync(ct);
        var round = rounds.Where(r => r.AcceptsSubmissionsAt(now)).OrderByDescending(r => r.Year).FirstOrDefault();
        var pudong = await db.RecommenderUnits.AsNoTracking().FirstOrDefaultAsync(r => r.Name == "浦东新区市场监督管理局", ct);
        if (round is null || pudong is null) return;
        var today = Shanghai.Today(clock.GetUtcNow());

        var draft = new Application
        {
            RoundId = round.Id, Year = round.Year, Category = Category.OrganizationModel, OrganizationId = orgId,
            CreatedAt = now, UpdatedAt = now, UpdatedBy = user.Id, UpdatedByName = user.DisplayName,
            Title = "精密制造全过程数字化质量管控模式",
            Overview = "上海示范精密制造有限公司成立于2008年，专注于高端装备精密零部件的研发与制造。",
            QualityActivities = [new QualityActivity("卓越绩效管理自评价", "上海市质量管理奖提名")],
            RecommenderUnitId = pudong.Id,
        };
        var submitted = new Application
        {
            RoundId = round.Id, Year = round.Year, Category = Category.SinglePractice, OrganizationId = orgId,
            CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-1), SubmittedAt = now.AddDays(-1), UpdatedBy = user.Id,
            UpdatedByName = user.DisplayName, Stage = Stage.AwaitingRecommendation, Version = 5,
            ReceiptNumber = $"{round.Year}-SP-0001",
            Title = "基于SPC的关键工序质量改进实践",
            Overview = "公司以“零缺陷”为质量方针，建立覆盖设计、采购、制造、服务的质量管理体系。",
            Content = "一、背景\n关键工序的尺寸波动曾是客户投诉的主要原因。\n二、做法\n引入统计过程控制（SPC），建立实时监控与预警机制，开展QC小组活动。\n三、成效\n关键尺寸过程能力指数由1.0提升至1.67。",
            Effectiveness = "近两年客户投诉下降62%，一次交检合格率提升至99.6%。",
            QualityActivities = [new QualityActivity("QC小组活动", "全国优秀质量管理小组"), new QualityActivity("卓越绩效管理自评价", "区质量奖")],
            Awards = [new Award("上海市质量管理小组活动优秀成果", today.AddYears(-1), "上海市质量协会")],
            Eligibility = Eligibility.Article5.Where(c => !Eligibility.ComputedConditions.Contains(c)).Select(c => new EligibilityAnswer(c, true, null)).ToList(),
            RecommenderUnitId = pudong.Id,
            OwnUnitOpinion = "同意推荐。该实践在本单位推广应用两年，成效显著。",
        };
        submitted.SnapshotJson = JsonSerializer.Serialize(ApplicationShape.ToDto(submitted, org, pudong.Name, today, liveProfile: true), ApplicationShape.Json);
        db.Applications.AddRange(draft, submitted);
        db.StageChanges.Add(new StageChange
        {
            ApplicationId = submitted.Id, From = Stage.Draft, To = Stage.AwaitingRecommendation, Move = Move.SubmitForRecommendation,
            At = now.AddDays(-1), ByUserId = user.Id, ByName = user.DisplayName,
        });
        await db.SaveChangesAsync(ct);
    }
}
