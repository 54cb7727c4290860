using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo: an open approval meeting of the latest year with approver@demo.local invited and present, and three
/// applications of three demo organisations already in stage Proposed (the recommended list it votes on).
/// Idempotent: nothing is added when the year has a meeting.
/// </summary>
public sealed class ApprovalDemoData : IDemoDataSeeder
{
    private static readonly (string Org, string Code, Category Category, string Title, Level? Level, decimal Score, Stage From)[] Items =
    [
        ("上海示范智能装备股份有限公司", "91310115MA1AP00010", Category.OrganizationModel, "以客户为中心的智能装备全生命周期质量管理模式", Level.Benchmark, 92.4m, Stage.SiteVerification),
        ("上海示范物流服务有限公司", "91310112MA1AP00020", Category.SinglePractice, "冷链物流温控数字化改进实践", Level.Excellent, 86.0m, Stage.PanelReview),
        ("上海示范生物医药有限公司", "91310115MA1AP00030", Category.SinglePractice, "无菌制剂生产偏差闭环管理实践", Level.Advancing, 78.5m, Stage.PreliminaryReview),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        var pii = services.GetRequiredService<PersonalData>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var approver = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "approver@demo.local", ct);
        if (round is null || approver is null || await db.ApprovalMeetings.AnyAsync(m => m.Year == round.Year, ct)) return;

        var n = 0;
        foreach (var item in Items)
        {
            n++;
            var body = item.Code[..17];
            var code = body + CreditCode.CheckCharacter(body);
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.CreditCode == code, ct);
            if (org is null)
            {
                org = new Organization
                {
                    Name = item.Org, CreditCode = code, District = code.Substring(2, 6), EstablishedOn = new DateOnly(2006 + n, 3, 1),
                    RegisteredAddress = "上海市示范路" + n + "号", RegisteredPostcode = "200120", MailingAddress = "上海市示范路" + n + "号",
                    MailingPostcode = "200120", Nature = OrganizationNature.MarketEntity, MarketEntityType = MarketEntityType.Private,
                    Industry = n == 2 ? Industry.Services : Industry.Manufacturing, Sectors = [n == 2 ? "Shipping" : n == 3 ? "Biomedicine" : "HighEndEquipment"],
                    Scale = OrganizationScale.Medium, ContactName = "联系人" + n, ContactDepartment = "质量部（经理）",
                    ContactEmail = $"quality{n}@approval-demo.local", ContactMobileCipher = pii.Protect("1391234560" + n),
                    ContactMobileMasked = Phone.Mask("1391234560" + n), CreatedAt = now, UpdatedAt = now,
                };
                db.Organizations.Add(org);
            }
            var a = new Application
            {
                RoundId = round.Id, Year = round.Year, Category = item.Category, OrganizationId = org.Id, Stage = Stage.Proposed,
                ReceiptNumber = $"{round.Year}-{(int)item.Category + 1:D2}-{900 + n:D4}", Title = item.Title,
                Overview = "组织概述（演示）。", Content = "成果内容（演示）。", Effectiveness = "管理成效（演示）。", OwnUnitOpinion = "同意推荐。",
                IsDirect = true, CreatedAt = now, UpdatedAt = now, SubmittedAt = now, UpdatedByName = "demo",
                ProposedLevel = item.Level, PreliminaryScore = item.Score,
            };
            db.Applications.Add(a);
            db.StageChanges.Add(new StageChange { ApplicationId = a.Id, From = item.From, To = Stage.Proposed, Move = Move.Propose, At = now, ByName = "demo" });
        }
        var meeting = new ApprovalMeeting
        {
            RoundId = round.Id, Year = round.Year, Title = $"{round.Year}年度卓越管理创新成果审定会议", Place = "上海市质量协会第一会议室",
            HeldAt = Shanghai.ToUtc(Shanghai.ToLocal(now).Date.AddDays(3).AddHours(14)), CreatedAt = now, UpdatedAt = now,
        };
        meeting.Attendees.Add(new ApprovalAttendee
        {
            MeetingId = meeting.Id, UserId = approver.Id, Name = string.IsNullOrEmpty(approver.DisplayName) ? approver.Email ?? "" : approver.DisplayName, Present = true,
        });
        db.ApprovalMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
    }
}
