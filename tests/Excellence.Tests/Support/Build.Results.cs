using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Support;

/// <summary>Builders for publication and certificates: applications already through the notice, with submitted reviews.</summary>
public sealed partial class Build
{
    private static int resultYear = 1960; // past years, apart from the ranking builder's, below the real ones

    /// <summary>A year of its own for each test (publication acts on a whole year).</summary>
    public async Task<int> ResultYear()
    {
        var year = Interlocked.Increment(ref resultYear);
        await OpenRound(year);
        return year;
    }

    /// <summary>An application in PublicNotice (or another late stage) with its approved level, written straight to the database.</summary>
    public async Task<Application> NoticeApplication(Organization organization, int year, Level? level, Category category = Category.OrganizationModel,
        bool consent = true, Stage stage = Stage.PublicNotice, string? title = null, string? nominee = null)
    {
        var round = await OpenRound(year);
        var n = Interlocked.Increment(ref counter);
        return await Application(organization, category: category, customise: a =>
        {
            a.RoundId = round.Id;
            a.Year = year;
            a.Stage = stage;
            a.ApprovedLevel = level;
            a.ProposedLevel = level;
            a.ConsentToPublish = consent;
            a.ReceiptNumber = $"{year}-{Excellence.Web.Features.Applications.ApplicationLoading.ReceiptCode(category)}-{n:0000}";
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime;
            a.Title = title ?? $"卓越绩效模式实践{n}";
            if (a.Nominee is not null) a.Nominee.Name = nominee ?? $"李{n}";
        });
    }

    /// <summary>
    /// The year's rubric for the category (four blocks: 组织方向 20, 运行 35, 结果 30, 创新与示范 15), created once.
    /// </summary>
    public async Task<Rubric> Rubric(int year, Category category)
    {
        var round = await OpenRound(year);
        return await App.WithDb<Rubric>(async (db, _) =>
        {
            var existing = await db.Rubrics.Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Year == year && r.Category == category);
            if (existing is not null) return existing;
            var rubric = new Rubric
            {
                RoundId = round.Id, Year = year, Category = category,
                Criteria =
                [
                    new() { Order = 1, Block = "1", BlockName = "组织方向", BlockNameEn = "Direction", Code = "1.1", Name = "背景与必要性", MaxPoints = 20, Kind = CriterionKind.Process },
                    new() { Order = 2, Block = "2", BlockName = "运行", BlockNameEn = "Execution", Code = "2.1", Name = "方法的科学性与系统性", MaxPoints = 20, Kind = CriterionKind.Process },
                    new() { Order = 3, Block = "2", BlockName = "运行", BlockNameEn = "Execution", Code = "2.2", Name = "展开与覆盖", MaxPoints = 15, Kind = CriterionKind.Process },
                    new() { Order = 4, Block = "3", BlockName = "结果", BlockNameEn = "Results", Code = "3.1", Name = "质量与顾客结果", MaxPoints = 30, Kind = CriterionKind.Results },
                    new() { Order = 5, Block = "4", BlockName = "创新与示范", BlockNameEn = "Innovation", Code = "4.1", Name = "创新性", MaxPoints = 15, Kind = CriterionKind.Process },
                ],
            };
            db.Rubrics.Add(rubric);
            await db.SaveChangesAsync();
            return rubric;
        });
    }

    /// <summary>A submitted review by a new expert of this name: every criterion at <paramref name="band"/> %.</summary>
    public async Task<Review> SubmittedReview(Application application, string expertName, int band, string strengths, string opportunities,
        ReviewStatus status = ReviewStatus.Submitted)
    {
        var rubric = await Rubric(application.Year, application.Category);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        return await App.WithDb<Review>(async (db, _) =>
        {
            var expert = new Expert { Name = expertName, OrganizationName = expertName + "所在单位", Email = UniqueEmail("expert"), CreatedAt = now, UpdatedAt = now };
            var assignment = new Assignment
            {
                ApplicationId = application.Id, ExpertId = expert.Id, RoundId = rubric.RoundId, Year = application.Year,
                Category = application.Category, AssignedAt = now,
            };
            var review = new Review
            {
                AssignmentId = assignment.Id, ApplicationId = application.Id, ExpertId = expert.Id, RubricId = rubric.Id, Status = status,
                Scores = rubric.Criteria.Select(c => new CriterionScore(c.Code, band, null)).ToList(),
                Strengths = strengths, Opportunities = opportunities, Total = band, UpdatedAt = now,
                SubmittedAt = status == ReviewStatus.Submitted ? now : null,
            };
            db.AddRange(expert, assignment, review);
            await db.SaveChangesAsync();
            return review;
        });
    }
}
