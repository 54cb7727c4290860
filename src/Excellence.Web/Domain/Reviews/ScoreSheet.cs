namespace Excellence.Web.Domain.Reviews;

/// <summary>
/// The arithmetic and the rules of one score sheet (rubric.md): points = max × band % / 100, the total is the sum,
/// rounded to 0.1. A draft may be partial; a submission needs every sub-criterion scored and both
/// strengths (优势) and opportunities (改进机会) written; a veto proposal needs its reason.
/// </summary>
public static class ScoreSheet
{
    public const int CommentMax = 2000, FeedbackMax = 8000;

    public sealed record Input(IReadOnlyList<CriterionScore> Scores, string? Strengths, string? Opportunities, VetoReason? Veto, string? VetoNote);

    public static decimal Points(decimal maxPoints, int bandPercent) => maxPoints * bandPercent / 100m;

    /// <summary>The total out of 100 from the scored criteria (unscored count as 0), rounded to 0.1.</summary>
    public static decimal Total(IEnumerable<Criterion> criteria, IEnumerable<CriterionScore> scores)
    {
        var byCode = scores.Where(s => s.BandPercent is not null).GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.First().BandPercent!.Value);
        var sum = criteria.Sum(c => byCode.TryGetValue(c.Code, out var band) ? Points(c.MaxPoints, band) : 0m);
        return Math.Round(sum, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Points per block ("1".."4") of one sheet, for aggregation and the level gates.</summary>
    public static IReadOnlyDictionary<string, decimal> BlockPoints(IEnumerable<Criterion> criteria, IEnumerable<CriterionScore> scores)
    {
        var byCode = scores.Where(s => s.BandPercent is not null).GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.First().BandPercent!.Value);
        return criteria.GroupBy(c => c.Block).ToDictionary(g => g.Key,
            g => g.Sum(c => byCode.TryGetValue(c.Code, out var band) ? Points(c.MaxPoints, band) : 0m));
    }

    /// <summary>
    /// The sheet as it will be stored: one entry per criterion in rubric order, trimmed texts; problems for what
    /// no draft may hold (an unknown criterion, a band off the 5 % grid, text over its cap).
    /// </summary>
    public static (List<CriterionScore> Scores, List<FieldProblem> Problems) Normalize(IReadOnlyList<Criterion> criteria, Input input)
    {
        var problems = new List<FieldProblem>();
        var known = criteria.Select(c => c.Code).ToHashSet();
        foreach (var unknown in input.Scores.Select(s => s.Code).Where(c => !known.Contains(c)).Distinct())
            problems.Add(new FieldProblem($"scores[{unknown}]", new Problem("Review.UnknownCriterion", unknown)));
        var result = new List<CriterionScore>();
        foreach (var c in criteria.OrderBy(c => c.Order))
        {
            var given = input.Scores.FirstOrDefault(s => s.Code == c.Code);
            var band = given?.BandPercent;
            if (band is { } b && !Bands.IsValid(b))
                problems.Add(new FieldProblem($"scores[{c.Code}].bandPercent", new Problem("Review.BandStep", Bands.Step)));
            var comment = (given?.Comment ?? "").Trim();
            if (comment.Length > CommentMax)
                problems.Add(new FieldProblem($"scores[{c.Code}].comment", new Problem("Validation.TooLong", CommentMax)));
            result.Add(new CriterionScore(c.Code, band, comment.Length == 0 ? null : comment));
        }
        if ((input.Strengths ?? "").Trim().Length > FeedbackMax) problems.Add(new FieldProblem("strengths", new Problem("Validation.TooLong", FeedbackMax)));
        if ((input.Opportunities ?? "").Trim().Length > FeedbackMax) problems.Add(new FieldProblem("opportunities", new Problem("Validation.TooLong", FeedbackMax)));
        if ((input.VetoNote ?? "").Trim().Length > CommentMax) problems.Add(new FieldProblem("vetoNote", new Problem("Validation.TooLong", CommentMax)));
        return (result, problems);
    }

    /// <summary>What a submission still lacks: unscored criteria, empty strengths or opportunities, a veto without reason.</summary>
    public static List<FieldProblem> Incomplete(IReadOnlyList<Criterion> criteria, IReadOnlyList<CriterionScore> scores, string strengths,
        string opportunities, VetoReason? veto, string? vetoNote)
    {
        var problems = new List<FieldProblem>();
        foreach (var c in criteria.OrderBy(c => c.Order))
            if (scores.FirstOrDefault(s => s.Code == c.Code)?.BandPercent is null)
                problems.Add(new FieldProblem($"scores[{c.Code}].bandPercent", new Problem("Review.CriterionUnscored", c.Code)));
        if (string.IsNullOrWhiteSpace(strengths)) problems.Add(new FieldProblem("strengths", new Problem("Validation.Required")));
        if (string.IsNullOrWhiteSpace(opportunities)) problems.Add(new FieldProblem("opportunities", new Problem("Validation.Required")));
        if (veto is not null && string.IsNullOrWhiteSpace(vetoNote)) problems.Add(new FieldProblem("vetoNote", new Problem("Review.VetoNeedsReason")));
        return problems;
    }
}

/// <summary>The rules of a rubric as the secretariat edits it.</summary>
public static class RubricRules
{
    public const decimal TotalPoints = 100m;

    public static List<FieldProblem> Validate(Rubric r)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object[] args) => problems.Add(new FieldProblem(field, new Problem(key, args)));
        if (r.Criteria.Count == 0) Add("criteria", "Rubric.NoCriteria");
        for (var i = 0; i < r.Criteria.Count; i++)
        {
            var c = r.Criteria[i];
            if (string.IsNullOrWhiteSpace(c.Code)) Add($"criteria[{i}].code", "Validation.Required");
            else if (c.Code.Length > 10) Add($"criteria[{i}].code", "Validation.TooLong", 10);
            if (string.IsNullOrWhiteSpace(c.Name)) Add($"criteria[{i}].name", "Validation.Required");
            else if (c.Name.Length > 100) Add($"criteria[{i}].name", "Validation.TooLong", 100);
            if (c.NameEn.Length > 200) Add($"criteria[{i}].nameEn", "Validation.TooLong", 200);
            if (string.IsNullOrWhiteSpace(c.Block) || c.Block.Length > 10) Add($"criteria[{i}].block", "Validation.Required");
            if (c.BlockName.Length > 50) Add($"criteria[{i}].blockName", "Validation.TooLong", 50);
            if (c.BlockNameEn.Length > 100) Add($"criteria[{i}].blockNameEn", "Validation.TooLong", 100);
            if (c.MaxPoints <= 0 || c.MaxPoints > 100 || decimal.Round(c.MaxPoints, 1) != c.MaxPoints)
                Add($"criteria[{i}].maxPoints", "Rubric.MaxPointsRange");
        }
        foreach (var dup in r.Criteria.GroupBy(c => c.Code.Trim()).Where(g => g.Count() > 1 && g.Key.Length > 0))
            Add("criteria", "Rubric.DuplicateCode", dup.Key);
        var sum = r.Criteria.Sum(c => c.MaxPoints);
        if (r.Criteria.Count > 0 && sum != TotalPoints) Add("criteria", "Rubric.SumNot100", sum);
        if (r.ExpertsPerApplication is < 1 or > 20) Add("expertsPerApplication", "Validation.Range", 1, 20);
        if (r.TrimFrom is < 3 or > 50) Add("trimFrom", "Validation.Range", 3, 50);
        if (r.DivergencePoints is < 0 or > 100) Add("divergencePoints", "Validation.Range", 0, 100);
        if (r.DivergenceBlockPercent is < 0 or > 100) Add("divergenceBlockPercent", "Validation.Range", 0, 100);
        if (r.BenchmarkBlockGatePercent is < 0 or > 100) Add("benchmarkBlockGatePercent", "Validation.Range", 0, 100);
        if (r.BenchmarkQuotaPercent is < 0 or > 100) Add("benchmarkQuotaPercent", "Validation.Range", 0, 100);
        if (r.AffiliationYears is < 0 or > 20) Add("affiliationYears", "Validation.Range", 0, 20);
        if (!(r.AdvancingMin > 0 && r.AdvancingMin < r.ExcellentMin && r.ExcellentMin < r.BenchmarkMin && r.BenchmarkMin <= 100))
            Add("benchmarkMin", "Rubric.LevelOrder");
        return problems;
    }
}
