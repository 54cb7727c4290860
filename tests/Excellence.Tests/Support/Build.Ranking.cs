using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.Rounds;

namespace Excellence.Tests.Support;

/// <summary>A year under preliminary review: its round, rubric A, a review group led by the first expert, the experts.</summary>
public sealed record RankingScenario(RankingWorld World, Application X, Application Y, Application Z, Application W);

public sealed record RankingWorld(int Year, Round Round, Rubric Rubric, ReviewGroup Group, IReadOnlyList<(TestUser User, Expert Expert)> Experts);

public sealed partial class Build
{
    private static int rankingYear = 1990; // past years: the home page shows the latest year, which other journeys set

    /// <summary>Rubric A of spec/rubric.md (卓越质量管理模式（组织）): four blocks 20/35/30/15, fifteen sub-criteria.</summary>
    public static Rubric RubricA(Round round, Category category = Category.OrganizationModel)
    {
        (string Block, string BlockName, string Code, string Name, decimal Max)[] rows =
        [
            ("1", "组织方向", "1.1", "背景与必要性", 6), ("1", "组织方向", "1.2", "模式内涵与顶层设计", 8), ("1", "组织方向", "1.3", "领导作用与文化支撑", 6),
            ("2", "运行", "2.1", "方法的科学性与系统性", 10), ("2", "运行", "2.2", "展开与覆盖", 8), ("2", "运行", "2.3", "测量评价与学习改进", 7),
            ("2", "运行", "2.4", "整合协同", 5), ("2", "运行", "2.5", "资源保障与相关方参与", 5),
            ("3", "结果", "3.1", "质量与顾客结果", 10), ("3", "结果", "3.2", "经济效益", 8), ("3", "结果", "3.3", "运营、过程与员工结果", 6),
            ("3", "结果", "3.4", "社会效益与品牌影响", 6),
            ("4", "创新与示范", "4.1", "创新性", 6), ("4", "创新与示范", "4.2", "示范性", 4), ("4", "创新与示范", "4.3", "可复制可推广性", 5),
        ];
        var rubric = new Rubric { RoundId = round.Id, Year = round.Year, Category = category };
        rubric.Criteria = rows.Select((r, i) => new Criterion
        {
            RubricId = rubric.Id, Order = i + 1, Block = r.Block, BlockName = r.BlockName, BlockNameEn = "Block " + r.Block, Code = r.Code,
            Name = r.Name, NameEn = "Criterion " + r.Code, MaxPoints = r.Max, Kind = r.Block == "3" ? CriterionKind.Results : CriterionKind.Process,
        }).ToList();
        return rubric;
    }

    /// <summary>A fresh year (never used by another test of the factory) with rubric A and <paramref name="experts"/> experts with accounts.</summary>
    public async Task<RankingWorld> RankingWorld(int experts = 5, Action<Rubric>? customise = null)
    {
        var year = Interlocked.Increment(ref rankingYear);
        var round = await Round(year);
        var rubric = RubricA(round);
        customise?.Invoke(rubric);
        var people = new List<(TestUser, Expert)>();
        for (var i = 0; i < experts; i++)
        {
            var user = await Expert();
            people.Add((user, new Expert
            {
                UserId = user.Id, Name = "专家" + "甲乙丙丁戊己庚辛壬癸"[i % 10], OrganizationName = $"专家单位{i}", Title = "高级工程师", Email = user.Email,
                Categories = [Category.OrganizationModel], CreatedAt = App.Clock.GetUtcNow().UtcDateTime, UpdatedAt = App.Clock.GetUtcNow().UtcDateTime,
            }));
        }
        var group = new ReviewGroup { RoundId = round.Id, Year = year, Category = Category.OrganizationModel, Name = "第一组", LeaderExpertId = people[0].Item2.Id };
        group.Members = people.Select(p => new ReviewGroupMember { ReviewGroupId = group.Id, ExpertId = p.Item2.Id }).ToList();
        await App.WithDb(async db =>
        {
            db.Rubrics.Add(rubric);
            db.Experts.AddRange(people.Select(p => p.Item2));
            await db.SaveChangesAsync();
            db.ReviewGroups.Add(group);
            await db.SaveChangesAsync();
        });
        return new RankingWorld(year, round, rubric, group, people);
    }

    private static int rankingReceipt;

    /// <summary>An application of the world's year in the preliminary review, with a receipt number.</summary>
    public async Task<Application> ReviewedApplication(RankingWorld world, string title)
    {
        var org = await Organization();
        var n = Interlocked.Increment(ref rankingReceipt);
        return await Application(org, customise: a =>
        {
            a.RoundId = world.Round.Id;
            a.Year = world.Year;
            a.Title = title;
            a.Stage = Stage.PreliminaryReview;
            a.ReceiptNumber = $"ZY{world.Year}-{n:D4}";
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime;
        });
    }

    /// <summary>
    /// Assigns the expert (index into the world's experts) and writes its sheet: every criterion at <paramref name="band"/> %
    /// (a block's own band in <paramref name="blockBands"/>), submitted unless <paramref name="submitted"/> is false.
    /// </summary>
    public async Task<Review> Sheet(RankingWorld world, Application application, int expert, int band, bool submitted = true,
        VetoReason? veto = null, IReadOnlyDictionary<string, int>? blockBands = null)
    {
        var e = world.Experts[expert].Expert;
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var assignment = new Assignment
        {
            ApplicationId = application.Id, ExpertId = e.Id, RoundId = world.Round.Id, Year = world.Year, Category = application.Category,
            ReviewGroupId = world.Group.Id, Source = AssignmentSource.Manual, AssignedAt = now, AssignedBy = Guid.Empty,
        };
        var scores = world.Rubric.Criteria.Select(c => new CriterionScore(c.Code, blockBands?.GetValueOrDefault(c.Block, band) ?? band, $"{c.Code} 评语")).ToList();
        var review = new Review
        {
            AssignmentId = assignment.Id, ApplicationId = application.Id, ExpertId = e.Id, RubricId = world.Rubric.Id, Scores = scores,
            Status = submitted ? ReviewStatus.Submitted : ReviewStatus.Draft, Strengths = "优势明显", Opportunities = "可加强对标",
            Veto = veto, VetoNote = veto is null ? null : "经核实",
            Total = world.Rubric.Criteria.Sum(c => c.MaxPoints * (blockBands?.GetValueOrDefault(c.Block, band) ?? band) / 100m),
            UpdatedAt = now, SubmittedAt = submitted ? now : null,
        };
        await App.WithDb(async db =>
        {
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
        });
        return review;
    }

    /// <summary>
    /// The small world of the ranking tests: X scored 95/90/85/80/75 by five experts (trimmed → 85.0, gates met → benchmark
    /// candidate), Y 90/50/70 (divergent, 70.0 → Advancing), Z 60/60 with a third sheet still a draft, W 80/80/80 with a veto.
    /// </summary>
    public async Task<RankingScenario> RankingScenario()
    {
        var world = await RankingWorld();
        var x = await ReviewedApplication(world, "X 数字化质量管控模式");
        var y = await ReviewedApplication(world, "Y 精益运营体系");
        var z = await ReviewedApplication(world, "Z 现场管理实践");
        var w = await ReviewedApplication(world, "W 质量文化建设");
        int[] bands = [95, 90, 85, 80, 75];
        for (var i = 0; i < 5; i++) await Sheet(world, x, i, bands[i]);
        await Sheet(world, y, 0, 90);
        await Sheet(world, y, 1, 50);
        await Sheet(world, y, 2, 70);
        await Sheet(world, z, 0, 60);
        await Sheet(world, z, 1, 60);
        await Sheet(world, z, 2, 60, submitted: false);
        await Sheet(world, w, 0, 80, veto: VetoReason.MajorIncident);
        await Sheet(world, w, 1, 80);
        await Sheet(world, w, 2, 80);
        return new RankingScenario(world, x, y, z, w);
    }
}
