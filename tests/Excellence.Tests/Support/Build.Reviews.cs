using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Support;

/// <summary>Expert pool, groups and assignments written straight to the database (the scoring tests need them as given).</summary>
public sealed partial class Build
{
    /// <summary>An expert of the pool with a sign-in account (role Expert) linked to it.</summary>
    public async Task<(TestUser User, Expert Expert)> ReviewExpert(string? name = null)
    {
        var user = await Expert();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var expert = new Expert
        {
            UserId = user.Id, Name = name ?? $"专家{Interlocked.Increment(ref counter)}", OrganizationName = "上海某大学", Title = "教授",
            Email = user.Email, Categories = [.. Enum.GetValues<Category>()], CreatedAt = now, UpdatedAt = now,
        };
        await App.WithDb(async db => { db.Experts.Add(expert); await db.SaveChangesAsync(); });
        return (user, expert);
    }

    /// <summary>A submitted application that passed screening: in the preliminary review (成果初审), with a receipt number.</summary>
    public async Task<Application> ApplicationInPreliminaryReview(Category category = Category.OrganizationModel, Stage stage = Stage.PreliminaryReview)
    {
        var n = Interlocked.Increment(ref counter);
        return await Application(await Organization(), category: category, customise: a =>
        {
            a.Stage = stage;
            a.ReceiptNumber = $"{a.Year}-T-{n:D5}";
            a.Title = $"成果{n}：数字化质量管控模式";
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime;
        });
    }

    public async Task<Assignment> Assignment(Application application, Expert expert, AssignmentStatus status = AssignmentStatus.Active, ReviewGroup? group = null)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var assignment = new Assignment
        {
            ApplicationId = application.Id, ExpertId = expert.Id, RoundId = application.RoundId, Year = application.Year,
            Category = application.Category, ReviewGroupId = group?.Id, Source = AssignmentSource.Manual, Status = status, AssignedAt = now,
            RecusedAt = status == AssignmentStatus.Recused ? now : null, RecusalReason = status == AssignmentStatus.Recused ? "曾为其提供咨询" : null,
        };
        await App.WithDb(async db => { db.Assignments.Add(assignment); await db.SaveChangesAsync(); });
        return assignment;
    }

    /// <summary>A review group (评审工作组) of the year and category with these experts as members, the first as leader.</summary>
    public async Task<ReviewGroup> ReviewGroup(Category category, params Expert[] members)
    {
        var round = await OpenRound();
        var group = new ReviewGroup
        {
            RoundId = round.Id, Year = round.Year, Category = category, Name = $"第{Interlocked.Increment(ref counter)}组",
            LeaderExpertId = members.FirstOrDefault()?.Id,
            Members = members.Select(m => new ReviewGroupMember { ExpertId = m.Id }).ToList(),
        };
        await App.WithDb(async db => { db.ReviewGroups.Add(group); await db.SaveChangesAsync(); });
        return group;
    }
}

public sealed partial class Build
{
    /// <summary>A score sheet written straight to the database: every criterion at <paramref name="band"/> %, feedback filled in.</summary>
    public async Task<Review> Review(Assignment assignment, ReviewStatus status = ReviewStatus.Submitted, int band = 70)
    {
        return await App.WithDb<Review>(async (db, _) =>
        {
            var rubric = await Excellence.Web.Features.Reviews.ReviewLoading.RubricAsync(db, assignment.Year, assignment.Category, default);
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var scores = rubric!.Criteria.Select(c => new CriterionScore(c.Code, band, null)).ToList();
            var review = new Review
            {
                AssignmentId = assignment.Id, ApplicationId = assignment.ApplicationId, ExpertId = assignment.ExpertId, RubricId = rubric.Id,
                Status = status, Scores = scores, Strengths = "优势", Opportunities = "改进机会",
                Total = ScoreSheet.Total(rubric.Criteria, scores), UpdatedAt = now, SubmittedAt = status == ReviewStatus.Submitted ? now : null, Version = 1,
            };
            db.Reviews.Add(review);
            rubric.FrozenAt ??= now;
            await db.SaveChangesAsync();
            return review;
        });
    }
}
