using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo: applicant2@demo.local's organisation (上海示范数字服务有限公司) has one application in screening and one
/// awaiting a supplement (two items, due in five days), both recommended by 浦东新区市场监督管理局.
/// </summary>
public sealed class ScreeningDemoData : IDemoDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "applicant2@demo.local", ct);
        var staff = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "secretariat@demo.local", ct);
        if (user?.OrganizationId is not { } orgId || staff is null || await db.Applications.AnyAsync(a => a.OrganizationId == orgId, ct)) return;
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var pudong = await db.RecommenderUnits.AsNoTracking().FirstOrDefaultAsync(r => r.Name == "浦东新区市场监督管理局", ct);
        if (round is null || pudong is null) return;
        var today = Shanghai.Today(clock.GetUtcNow());

        Application Make(string receipt, Category category, string title, string content) => new()
        {
            RoundId = round.Id, Year = round.Year, Category = category, OrganizationId = orgId, Stage = Stage.Screening, Version = 4,
            CreatedAt = now.AddDays(-6), UpdatedAt = now.AddDays(-2), SubmittedAt = now.AddDays(-4), UpdatedBy = user.Id, UpdatedByName = user.DisplayName,
            ReceiptNumber = $"{round.Year}-{receipt}", Title = title,
            Overview = "上海示范数字服务有限公司为本市大型国有数字信息服务企业，为政务和金融客户提供云平台运营服务。",
            Content = content, Effectiveness = "服务可用性由99.5%提升至99.95%，客户满意度连续两年位居行业前列。",
            QualityActivities = [new QualityActivity("卓越绩效管理自评价", "上海市质量协会优秀案例")],
            Eligibility = Eligibility.ConditionsFor(category).Where(c => !Eligibility.ComputedConditions.Contains(c)).Select(c => new EligibilityAnswer(c, true, null)).ToList(),
            RecommenderUnitId = pudong.Id, OwnUnitOpinion = "同意推荐。", RecommenderOpinion = "该单位质量管理基础扎实，同意推荐。",
            RecommenderDecision = RecommendationDecision.Recommend, RecommenderOpinionDate = today.AddDays(-3), RecommendedByName = pudong.Name,
        };
        var screening = Make("OM-0011", Category.OrganizationModel, "数据驱动的云服务全生命周期质量管理模式",
            "一、背景\n云服务故障影响面广。\n二、做法\n建立覆盖规划、交付、运维的质量度量体系。\n三、成效\n重大故障数下降80%。");
        var awaiting = Make("SP-0012", Category.SinglePractice, "基于SRE的运维变更风险管控实践",
            "一、背景\n变更是线上故障的首要来源。\n二、做法\n推行变更分级、灰度发布与自动回滚。\n三、成效\n变更引发故障下降70%。");
        db.Applications.AddRange(screening, awaiting);
        foreach (var a in new[] { screening, awaiting })
        {
            db.StageChanges.Add(new StageChange { ApplicationId = a.Id, From = Stage.Draft, To = Stage.AwaitingRecommendation, Move = Move.SubmitForRecommendation, At = now.AddDays(-4), ByUserId = user.Id, ByName = user.DisplayName });
            db.StageChanges.Add(new StageChange { ApplicationId = a.Id, From = Stage.AwaitingRecommendation, To = Stage.Screening, Move = Move.Recommend, At = now.AddDays(-3), ByUserId = user.Id, ByName = pudong.Name, Reason = a.RecommenderOpinion });
        }

        var secretariat = new Actor(staff.Id, staff.DisplayName, new HashSet<string> { Roles.Secretariat }, null, null);
        var request = new SupplementRequest
        {
            ApplicationId = awaiting.Id, RoundNumber = 1, DueOn = today.AddDays(5), RequestedAt = now.AddDays(-1),
            RequestedBy = staff.Id, RequestedByName = staff.DisplayName,
        };
        request.Items =
        [
            new SupplementItem { RequestId = request.Id, Order = 1, Text = "请补充近2年参与本市、区质量提升活动的证明材料（第五条（五））" },
            new SupplementItem { RequestId = request.Id, Order = 2, Text = "请说明“变更引发故障下降70%”的统计口径与数据来源" },
        ];
        db.SupplementRequests.Add(request);
        db.ScreeningRecords.Add(new ScreeningRecord
        {
            ApplicationId = awaiting.Id, Decision = ScreeningDecision.RequestSupplement, Reason = "请于截止日期前逐项答复，逾期将记录在案。",
            Checklist = DefaultChecklist.For(Category.SinglePractice).Select(i => new ChecklistAnswer(i.Code, i.Text, i.Code == "Article5.5" ? null : true, null)).ToList(),
            SupplementRequestId = request.Id, ByUserId = staff.Id, ByName = staff.DisplayName, At = now.AddDays(-1),
        });
        db.StageChanges.Add(Workflow.Apply(awaiting, Move.RequestSupplement, secretariat, now.AddDays(-1)));
        await db.SaveChangesAsync(ct);
    }
}
