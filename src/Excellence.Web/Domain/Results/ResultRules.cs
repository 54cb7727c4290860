using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Domain.Results;

/// <summary>One block of the rubric as the applicant's feedback shows it: the experts' aggregated points.</summary>
public sealed record ResultBlock(string Block, string Name, string NameEn, decimal Points, decimal Max)
{
    public decimal Percent => Max == 0 ? 0 : Math.Round(Points / Max * 100m, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The rules of publication, feedback and certificates (pure).</summary>
public static class ResultRules
{
    /// <summary>The stages whose applications get their result and feedback once their year and category are published.</summary>
    public static readonly IReadOnlySet<Stage> FeedbackStages = new HashSet<Stage> { Stage.Published, Stage.NotApproved };

    /// <summary>
    /// Publication may start once the public notice period has ended. <paramref name="noticeEndsAt"/> is null when no
    /// notice is known (then only the stage decides: applications still in PublicNotice are published).
    /// </summary>
    public static Problem? CanPublish(DateTime? noticeEndsAt, DateTime nowUtc, int candidates, int undecidedObjections = 0)
    {
        if (noticeEndsAt is { } end && nowUtc < end) return new Problem("Results.NoticeNotEnded");
        // An objection may still change or revoke a result (Article 17): decide every one before publishing.
        if (undecidedObjections > 0) return new Problem("Results.ObjectionsUndecided", undecidedObjections);
        if (candidates == 0) return new Problem("Results.NothingToPublish");
        return null;
    }

    /// <summary>"SHQA-2026-OM-001": association, year, category code, sequence within year and category.</summary>
    public static string CertificateNumber(int year, Category category, int sequence) =>
        $"SHQA-{year}-{CategoryCode(category)}-{sequence:000}";

    public static string CategoryCode(Category category) => category switch
    {
        Category.OrganizationModel => "OM",
        Category.SinglePractice => "SP",
        Category.IndividualExperience => "IE",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>
    /// The applicant's block scores: per block of the rubric, the experts' points aggregated as the ranking does
    /// (<see cref="Aggregation"/>: trimmed from <paramref name="trimFrom"/> experts on, rounded to 0.1), or the block
    /// points the group leader's consensus agreed.
    /// </summary>
    public static IReadOnlyList<ResultBlock> BlockScores(IReadOnlyList<Criterion> criteria, IReadOnlyList<Review> reviews,
        int trimFrom = 5, Consensus? consensus = null)
    {
        var sheets = reviews.Where(r => r.Status == ReviewStatus.Submitted).Select(r => Aggregation.BlockPoints(criteria, r.Scores)).ToList();
        return criteria.OrderBy(c => c.Order).GroupBy(c => c.Block).Select(block =>
        {
            var max = block.Sum(c => c.MaxPoints);
            var points = consensus is not null && consensus.BlockPoints.TryGetValue(block.Key, out var agreed) ? agreed
                : sheets.Count == 0 ? 0m
                : Aggregation.Round1(Aggregation.TrimmedMean(sheets.Select(s => s.GetValueOrDefault(block.Key)).ToList(), trimFrom));
            var first = block.First();
            return new ResultBlock(block.Key, first.BlockName, first.BlockNameEn, points, max);
        }).ToList();
    }

    /// <summary>The experts' written feedback without their identities, in a stable order (专家一, 专家二 …).</summary>
    public static IReadOnlyList<(string Strengths, string Opportunities)> Feedback(IReadOnlyList<Review> reviews) =>
        reviews.Where(r => r.Status == ReviewStatus.Submitted)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => (r.Strengths.Trim(), r.Opportunities.Trim()))
            .Where(f => f.Item1.Length > 0 || f.Item2.Length > 0)
            .ToList();
}
