namespace Excellence.Web.Domain.Reviews;

/// <summary>
/// The band descriptors an expert scores with (rubric.md mechanics): six bands of the percentage, each with a
/// label and a descriptor for process items (方法·展开·学习·整合) and for results items (水平·趋势·对比·整合).
/// Texts are resource keys: Band.{Key}.Label, Band.{Key}.Process, Band.{Key}.Results.
/// </summary>
public sealed record Band(string Key, int From, int To)
{
    public string LabelKey => $"Band.{Key}.Label";
    public string DescriptorKey(CriterionKind kind) => $"Band.{Key}.{kind}";
    public bool Contains(int percent) => percent >= From && percent <= To;
}

public static class Bands
{
    public const int Step = 5;

    public static IReadOnlyList<Band> All { get; } =
    [
        new("None", 0, 5), new("Beginning", 10, 25), new("Basic", 30, 45),
        new("Good", 50, 65), new("Excellent", 70, 85), new("Outstanding", 90, 100),
    ];

    /// <summary>Every percentage an expert may choose: 0, 5, …, 100.</summary>
    public static IReadOnlyList<int> Steps { get; } = Enumerable.Range(0, 100 / Step + 1).Select(i => i * Step).ToList();

    public static bool IsValid(int percent) => percent is >= 0 and <= 100 && percent % Step == 0;

    public static Band Of(int percent) => All.First(b => b.Contains(Math.Clamp(percent - percent % Step, 0, 100)));
}
