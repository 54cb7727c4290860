using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo score sheets: every demo application in the preliminary review gets three of the demo experts (pool rows are
/// made for expert1..5@demo.local when the pool has none for them), two submitted sheets and one draft, so the
/// queue, the progress page and the rankings have something to show. Runs only while no sheet exists.
/// </summary>
public sealed class ReviewSheetsDemoData : IDemoDataSeeder
{
    private static readonly int[][] Profiles = [[80, 75, 70, 65], [70, 65, 60, 55], [60, 55, 50, 45]];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.Reviews.AnyAsync(ct)) return;
        var applications = await db.Applications.Where(a => a.Stage == Stage.PreliminaryReview).OrderBy(a => a.ReceiptNumber).ToListAsync(ct);
        if (applications.Count == 0) return;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var accounts = await db.Users.Where(u => u.Email != null && u.Email.StartsWith("expert") && u.Email.EndsWith("@demo.local"))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var experts = new List<Expert>();
        foreach (var account in accounts)
        {
            var expert = await db.Experts.FirstOrDefaultAsync(e => e.UserId == account.Id, ct);
            if (expert is null)
            {
                expert = new Expert
                {
                    UserId = account.Id, Name = string.IsNullOrEmpty(account.DisplayName) ? account.Email! : account.DisplayName,
                    OrganizationName = "上海质量管理科学研究院", Title = "高级工程师", Email = account.Email!,
                    Categories = [.. Enum.GetValues<Category>()], CreatedAt = now, UpdatedAt = now,
                };
                db.Experts.Add(expert);
            }
            experts.Add(expert);
        }
        if (experts.Count < 3) return;
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < applications.Count; i++)
        {
            var a = applications[i];
            var rubric = await db.RubricAsync(a.Year, a.Category, ct);
            if (rubric is null) continue;
            var assignments = await db.Assignments.Where(x => x.ApplicationId == a.Id && x.Status == AssignmentStatus.Active).ToListAsync(ct);
            if (assignments.Count == 0)
            {
                assignments = Enumerable.Range(0, 3).Select(k => new Assignment
                {
                    ApplicationId = a.Id, ExpertId = experts[(i + k) % experts.Count].Id, RoundId = a.RoundId, Year = a.Year, Category = a.Category,
                    Source = AssignmentSource.Manual, AssignedAt = now,
                }).ToList();
                db.Assignments.AddRange(assignments);
            }
            for (var k = 0; k < assignments.Count; k++)
            {
                var profile = Profiles[(i + k) % Profiles.Length];
                var scores = rubric.Criteria.OrderBy(c => c.Order)
                    .Select(c => new CriterionScore(c.Code, int.TryParse(c.Block, out var b) && b is >= 1 and <= 4 ? profile[b - 1] : profile[1], null)).ToList();
                var submitted = k < 2;
                db.Reviews.Add(new Review
                {
                    AssignmentId = assignments[k].Id, ApplicationId = a.Id, ExpertId = assignments[k].ExpertId, RubricId = rubric.Id,
                    Status = submitted ? ReviewStatus.Submitted : ReviewStatus.Draft, Scores = scores,
                    Strengths = submitted ? "质量管理体系完整，方法系统，关键过程数据翔实。" : "",
                    Opportunities = submitted ? "结果与行业标杆的对比不足，创新做法的推广路径需进一步说明。" : "",
                    Total = ScoreSheet.Total(rubric.Criteria, scores), UpdatedAt = now, SubmittedAt = submitted ? now : null, Version = 1,
                });
            }
            rubric.FrozenAt ??= now;
        }
        await db.SaveChangesAsync(ct);
    }
}
