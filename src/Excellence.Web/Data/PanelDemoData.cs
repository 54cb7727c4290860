using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo panel review: two benchmark candidates in panel review, and one meeting of expert1..3@demo.local (expert1
/// chairs) with both on the agenda; expert3 works at the second applicant and is recused on it; one vote cast.
/// Experts without a pool record get one. Idempotent.
/// </summary>
public sealed class PanelDemoData : IDemoDataSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.PanelMeetings.AnyAsync(ct)) return;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.CreatedAt).Take(2).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("expert") && u.Email.EndsWith("@demo.local"))
            .OrderBy(u => u.Email).Take(3).ToListAsync(ct);
        if (round is null || orgs.Count < 2 || users.Count < 3) return;

        string[] names = ["陈立华", "周敏", "吴建国"];
        var experts = new List<Expert>();
        for (var i = 0; i < 3; i++)
        {
            var existing = await db.Experts.FirstOrDefaultAsync(e => e.UserId == users[i].Id, ct);
            if (existing is null)
            {
                existing = new Expert
                {
                    UserId = users[i].Id, Name = names[i], Email = users[i].Email!, Title = "高级工程师",
                    OrganizationName = i == 2 ? orgs[1].Name : $"上海质量管理科学研究院{i + 1}所", Categories = [Category.OrganizationModel],
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Experts.Add(existing);
            }
            experts.Add(existing);
        }

        Application Candidate(int n, string title, decimal score) => new()
        {
            RoundId = round.Id, Year = round.Year, Category = Category.OrganizationModel, OrganizationId = orgs[n].Id, Stage = Stage.PanelReview,
            Title = title, Overview = "组织概述。", Content = "成果内容。", Effectiveness = "管理成效。", IsDirect = true,
            ReceiptNumber = $"{round.Year}-OM-09{n + 1:D2}", SubmittedAt = now.AddDays(-60), CreatedAt = now.AddDays(-70), UpdatedAt = now,
            UpdatedByName = "demo", PreliminaryScore = 87.5m - n * 1.2m, ProposedLevel = Level.Benchmark, IsBenchmarkCandidate = true,
        };
        var first = Candidate(0, "以数据驱动的全价值链质量管控模式", 87.5m);
        var second = Candidate(1, "面向客户体验的服务质量持续改进实践", 86.3m);
        db.Applications.AddRange(first, second);

        var meeting = new PanelMeeting
        {
            RoundId = round.Id, Year = round.Year, Title = $"{round.Year}年度标杆级成果专家会审会", Place = "上海市质量协会三楼会议室",
            StartsAt = now.Date.AddDays(14).AddHours(1), ChairExpertId = experts[0].Id, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var e in experts) meeting.Members.Add(new PanelMember { MeetingId = meeting.Id, ExpertId = e.Id });
        var item1 = new PanelItem { MeetingId = meeting.Id, ApplicationId = first.Id, Order = 1, Questions = "问：数据采集如何保证真实性？\n答：关键数据由MES自动采集，并经第三方审核。" };
        var item2 = new PanelItem { MeetingId = meeting.Id, ApplicationId = second.Id, Order = 2 };
        item1.Votes.Add(new PanelVote { ItemId = item1.Id, ExpertId = experts[1].Id, Score = 88.5m, Level = PanelLevel.Benchmark, At = now });
        item2.Recusals.Add(new PanelRecusal { ItemId = item2.Id, ExpertId = experts[2].Id, Automatic = true, Reason = nameof(ConflictKind.SameOrganization), At = now });
        meeting.Items.Add(item1);
        meeting.Items.Add(item2);
        db.PanelMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
    }
}
