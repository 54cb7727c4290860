using Excellence.Web.Domain;
using Excellence.Web.Domain.Results;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features.Results;

namespace Excellence.Tests.Domain;

public class ResultRulesTests
{
    private static readonly List<Criterion> Criteria =
    [
        new() { Order = 1, Block = "1", BlockName = "组织方向", Code = "1.1", MaxPoints = 6 },
        new() { Order = 2, Block = "1", BlockName = "组织方向", Code = "1.2", MaxPoints = 14 },
        new() { Order = 3, Block = "3", BlockName = "结果", Code = "3.1", MaxPoints = 30 },
    ];

    private static Review Sheet(ReviewStatus status, params (string Code, int? Band)[] scores) => new()
    {
        Status = status, Scores = scores.Select(s => new CriterionScore(s.Code, s.Band, null)).ToList(),
    };

    [Fact]
    public void Block_scores_are_the_mean_of_the_submitted_reviews_block_points_and_drafts_do_not_count()
    {
        var blocks = ResultRules.BlockScores(Criteria,
        [
            Sheet(ReviewStatus.Submitted, ("1.1", 100), ("1.2", 50), ("3.1", 80)),
            Sheet(ReviewStatus.Submitted, ("1.1", 50), ("1.2", 100), ("3.1", 60)),
            Sheet(ReviewStatus.Draft, ("1.1", 0), ("1.2", 0), ("3.1", 0)),
        ]);
        Assert.Equal([("1", 15.0m, 20m, 75.0m), ("3", 21.0m, 30m, 70.0m)], blocks.Select(b => (b.Block, b.Points, b.Max, b.Percent)));
    }

    [Fact]
    public void Without_submitted_reviews_every_block_is_zero()
    {
        Assert.All(ResultRules.BlockScores(Criteria, []), b => Assert.Equal(0m, b.Points));
    }

    [Fact]
    public void Certificate_numbers_name_the_year_the_category_and_a_three_digit_sequence()
    {
        Assert.Equal("SHQA-2026-OM-001", ResultRules.CertificateNumber(2026, Category.OrganizationModel, 1));
        Assert.Equal("SHQA-2026-SP-012", ResultRules.CertificateNumber(2026, Category.SinglePractice, 12));
        Assert.Equal("SHQA-2026-IE-1000", ResultRules.CertificateNumber(2026, Category.IndividualExperience, 1000));
    }

    [Fact]
    public void Publication_waits_for_the_end_of_the_notice_and_needs_something_to_publish()
    {
        var end = new DateTime(2026, 10, 30, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Results.NoticeNotEnded", ResultRules.CanPublish(end, end.AddMinutes(-1), 3)?.Key);
        Assert.Null(ResultRules.CanPublish(end, end, 3));
        Assert.Null(ResultRules.CanPublish(null, end, 1));
        Assert.Equal("Results.NothingToPublish", ResultRules.CanPublish(null, end, 0)?.Key);
    }

    [Fact]
    public void Publication_waits_until_every_objection_has_a_decision()
    {
        var end = new DateTime(2026, 10, 30, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Results.ObjectionsUndecided", ResultRules.CanPublish(end, end.AddDays(3), 3, undecidedObjections: 1)?.Key);
        Assert.Null(ResultRules.CanPublish(end, end.AddDays(3), 3, undecidedObjections: 0));
    }

    [Fact]
    public void Verification_codes_carry_160_random_bits_in_base32()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => PublishResults.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-Z2-7]{32}$", c));
        Assert.Equal(200, codes.Distinct().Count());
        // Every alphabet position is reachable in the last character too (all 160 bits are used).
        Assert.True(codes.Select(c => c[^1]).Distinct().Count() > 16);
    }
}
