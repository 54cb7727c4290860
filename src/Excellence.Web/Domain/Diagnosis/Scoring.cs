namespace Excellence.Web.Domain.Diagnosis;

/// <summary>An answer as stored: "A"–"E" on the M5 and Q5 scales, "Yes"/"No" for the veto, "NA" where allowed.</summary>
public static class Answers
{
    public const string NotApplicable = "NA";
    public const string Yes = "Yes";
    public const string No = "No";
    public static readonly IReadOnlyList<string> Bands = ["A", "B", "C", "D", "E"];

    /// <summary>0–4 for "A"–"E", otherwise -1.</summary>
    public static int IndexOf(string value) => value is [var c and >= 'A' and <= 'E'] ? c - 'A' : -1;

    /// <summary>Null when the value is acceptable for the indicator, else why not.</summary>
    public static Problem? Check(Indicator indicator, string? value) => value switch
    {
        null or "" => new Problem("Diagnosis.Answer.Required"),
        NotApplicable => indicator.AllowsNotApplicable ? null : new Problem("Diagnosis.Answer.NotApplicableNotAllowed"),
        Yes or No => indicator.Scale == AnswerScale.YesNoVeto ? null : new Problem("Diagnosis.Answer.Invalid"),
        _ => indicator.Scale != AnswerScale.YesNoVeto && IndexOf(value) >= 0 ? null : new Problem("Diagnosis.Answer.Invalid"),
    };

    /// <summary>The share of the indicator's weight earned (0–100), or null when N/A.</summary>
    public static decimal? Share(string value) => value switch
    {
        NotApplicable => null,
        Yes => 0m,
        No => 100m,
        _ => IndexOf(value) is var i and >= 0 ? i * 25m : null,
    };
}

public sealed record DimensionScore(string Code, decimal? Score, bool InsufficientData);

/// <summary>The computed result kept with a submitted diagnosis.</summary>
public sealed record DiagnosisResult(
    decimal Total, string Level, bool Veto, bool VetoCapped,
    decimal? Direction, decimal? Operation, decimal? Result,
    IReadOnlyList<DimensionScore> Dimensions);

/// <summary>
/// The scoring of spec/diagnosis.md, a pure function of the version and the answers. Scores are rounded
/// to one decimal (half away from zero); the total is summed from the unrounded dimension scores and the
/// level is read from the rounded figures, so what the report shows is what the level was decided on.
/// </summary>
public static class Scoring
{
    /// <summary>A dimension with more than this share of N/A answers shows 数据不足.</summary>
    public const decimal InsufficientShare = 0.4m;

    public static DiagnosisResult Score(IndicatorDefinition system, IReadOnlyDictionary<string, string> answers)
    {
        var dimensions = new List<DimensionScore>(system.Dimensions.Count);
        decimal total = 0;
        var veto = false;
        decimal dirSum = 0, dirWeight = 0, opSum = 0, opWeight = 0, resSum = 0, resWeight = 0;
        foreach (var d in system.Dimensions)
        {
            decimal sum = 0, weight = 0;
            var notApplicable = 0;
            foreach (var q in d.Indicators)
            {
                var share = answers.TryGetValue(q.Code, out var value) ? Answers.Share(value) : null;
                if (share is null) { notApplicable++; continue; }
                if (q.Scale == AnswerScale.YesNoVeto && value == Answers.Yes) veto = true;
                sum += q.Weight * share.Value;
                weight += q.Weight;
                switch (q.Frame)
                {
                    case Frame.Direction: dirSum += q.Weight * share.Value; dirWeight += q.Weight; break;
                    case Frame.Operation: opSum += q.Weight * share.Value; opWeight += q.Weight; break;
                    case Frame.Result: resSum += q.Weight * share.Value; resWeight += q.Weight; break;
                }
            }
            decimal? score = weight == 0 ? null : sum / weight;
            total += d.Weight * (score ?? 0) / 100m;
            var insufficient = d.Indicators.Count > 0 && (decimal)notApplicable / d.Indicators.Count > InsufficientShare;
            dimensions.Add(new DimensionScore(d.Code, Round(score), insufficient));
        }
        var rounded = Round(total)!.Value;
        var (level, capped) = LevelOf(system, rounded, dimensions, veto);
        return new DiagnosisResult(rounded, level, veto, capped,
            Round(dirWeight == 0 ? null : dirSum / dirWeight), Round(opWeight == 0 ? null : opSum / opWeight),
            Round(resWeight == 0 ? null : resSum / resWeight), dimensions);
    }

    /// <summary>
    /// The highest level whose total and dimension floor are met (a dimension without enough data cannot
    /// prove a floor), then the veto cap.
    /// </summary>
    public static (string Level, bool VetoCapped) LevelOf(IndicatorDefinition system, decimal total, IReadOnlyList<DimensionScore> dimensions, bool veto)
    {
        var levels = system.Levels;
        var index = 0;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            var l = levels[i];
            if (total < l.MinTotal) continue;
            if (l.RequiresNoVeto && veto) continue;
            if (l.MinDimension is { } floor && dimensions.Any(d => d.InsufficientData || (d.Score ?? 0) < floor)) continue;
            index = i;
            break;
        }
        if (!veto) return (levels[index].Code, false);
        var cap = levels.FindIndex(l => l.Code == system.VetoCapLevel);
        return cap >= 0 && index > cap ? (levels[cap].Code, true) : (levels[index].Code, false);
    }

    /// <summary>Codes of the questions still without an answer, in questionnaire order.</summary>
    public static IReadOnlyList<string> Unanswered(IndicatorDefinition system, IReadOnlyDictionary<string, string> answers) =>
        system.AllIndicators.Where(q => !answers.TryGetValue(q.Code, out var v) || Answers.Check(q, v) is not null)
            .Select(q => q.Code).ToList();

    private static decimal? Round(decimal? value) => value is null ? null : Math.Round(value.Value, 1, MidpointRounding.AwayFromZero);
}
