namespace Excellence.Web.Domain.Diagnosis;

/// <summary>A next step: move one question from its current answer to the next anchor or band.</summary>
public sealed record NextStep(string IndicatorCode, string IndicatorText, AnswerScale Scale, int Current, int Next, string? NextBand);

public sealed record WeakDimension(string Code, decimal? Score, IReadOnlyList<NextStep> Steps);

/// <summary>Where an organisation stands among its peers: a quartile (1 = top 25 %), never a figure of another.</summary>
public sealed record PeerStanding(int Quartile, int GroupSize);

/// <summary>What the report derives from a stored result (spec/diagnosis.md, "The report").</summary>
public static class Advice
{
    /// <summary>Fewer organisations than this in an industry × scale group and the percentile is not shown.</summary>
    public const int MinimumPeerGroup = 10;

    /// <summary>Dimension D3 at or above this share counts as strong innovation.</summary>
    public const decimal StrongInnovation = 70m;

    /// <summary>
    /// The three weakest dimensions (lowest score; ties in questionnaire order), each with up to two next
    /// steps: its lowest answered questions raised by one anchor (M5) or band (Q5).
    /// </summary>
    public static IReadOnlyList<WeakDimension> Weakest(IndicatorDefinition system, DiagnosisResult result,
        IReadOnlyDictionary<string, string> answers, int count = 3)
    {
        var scores = result.Dimensions.ToDictionary(d => d.Code, d => d.Score);
        return system.Dimensions
            .Select((d, order) => (d, order, score: scores.GetValueOrDefault(d.Code)))
            .Where(x => x.score is not null)
            .OrderBy(x => x.score).ThenBy(x => x.order)
            .Take(count)
            .Select(x => new WeakDimension(x.d.Code, x.score, StepsFor(x.d, answers)))
            .ToList();
    }

    private static List<NextStep> StepsFor(IndicatorDimension d, IReadOnlyDictionary<string, string> answers) =>
        d.Indicators
            .Where(q => q.Scale != AnswerScale.YesNoVeto)
            .Select(q => (q, index: answers.TryGetValue(q.Code, out var v) ? Answers.IndexOf(v) : -1))
            .Where(x => x.index is >= 0 and < 4)
            .OrderBy(x => x.index).ThenByDescending(x => x.q.Weight)
            .Take(2)
            .Select(x => new NextStep(x.q.Code, x.q.Text, x.q.Scale, x.index, x.index + 1,
                x.q.Scale == AnswerScale.Q5 && x.q.Options.Count == 5 ? x.q.Options[x.index + 1] : null))
            .ToList();

    /// <summary>
    /// The evaluation category to consider: one of the two highest levels → 卓越质量管理模式（组织）;
    /// otherwise strong innovation (D3 ≥ 70 %) → 卓越管理创新实践（单项）; otherwise none yet.
    /// </summary>
    public static Category? SuggestedCategory(IndicatorDefinition system, DiagnosisResult result)
    {
        var index = system.Levels.FindIndex(l => l.Code == result.Level);
        if (system.Levels.Count >= 2 && index >= system.Levels.Count - 2) return Category.OrganizationModel;
        var d3 = result.Dimensions.FirstOrDefault(d => d.Code == "D3");
        return d3 is { Score: { } s, InsufficientData: false } && s >= StrongInnovation ? Category.SinglePractice : null;
    }

    /// <summary>
    /// The quartile of <paramref name="own"/> among the latest totals of the other organisations of the same
    /// industry and scale, or null when the group (with the organisation itself) is under
    /// <see cref="MinimumPeerGroup"/>. Only the quartile is revealed: with ten or more in the group each
    /// quartile spans at least two ranks, so no other organisation's figure or exact rank follows from it.
    /// </summary>
    public static PeerStanding? Standing(decimal own, IReadOnlyCollection<decimal> otherOrganisations)
    {
        var size = otherOrganisations.Count + 1;
        if (size < MinimumPeerGroup) return null;
        var rank = 1 + otherOrganisations.Count(t => t > own);
        var quartile = (int)Math.Ceiling(rank * 4m / size);
        return new PeerStanding(Math.Clamp(quartile, 1, 4), size);
    }
}
