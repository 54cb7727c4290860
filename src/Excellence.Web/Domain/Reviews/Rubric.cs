namespace Excellence.Web.Domain.Reviews;

public enum CriterionKind { Process, Results }

/// <summary>
/// The scoring rubric of one year and category (rubric.md): blocks of sub-criteria with maximum points, and the
/// numbers of aggregation and the level rules. Editable by the secretariat until the first score is saved
/// (<see cref="FrozenAt"/>), then frozen.
/// </summary>
public sealed class Rubric : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public Category Category { get; set; }
    public List<Criterion> Criteria { get; set; } = [];

    /// <summary>Experts per application (default 3).</summary>
    public int ExpertsPerApplication { get; set; } = 3;
    /// <summary>With this many totals or more, drop the highest and the lowest before the mean.</summary>
    public int TrimFrom { get; set; } = 5;
    /// <summary>Flag when an expert's total is more than this many points from the median.</summary>
    public decimal DivergencePoints { get; set; } = 15m;
    /// <summary>Flag when the experts' range on one block exceeds this share (%) of the block's maximum.</summary>
    public decimal DivergenceBlockPercent { get; set; } = 30m;
    public decimal BenchmarkMin { get; set; } = 85m;
    public decimal ExcellentMin { get; set; } = 75m;
    public decimal AdvancingMin { get; set; } = 60m;
    /// <summary>The results and innovation blocks must each reach this share (%) of their maximum for Benchmark.</summary>
    public decimal BenchmarkBlockGatePercent { get; set; } = 70m;
    /// <summary>Optional cap on Benchmark as a share (%) of recognised applications.</summary>
    public decimal? BenchmarkQuotaPercent { get; set; }
    /// <summary>Declared conflicts through affiliations count within this many years.</summary>
    public int AffiliationYears { get; set; } = 3;

    public DateTime? FrozenAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One sub-criterion (e.g. "2.1 方法的科学性与系统性", 10 points) within its block ("2" 运行 35).
/// <see cref="Block"/> is "1".."4"; block 3 is results, block 4 innovation (the level gates).
/// </summary>
public sealed class Criterion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RubricId { get; set; }
    public int Order { get; set; }
    public string Block { get; set; } = "";
    public string BlockName { get; set; } = "";
    public string BlockNameEn { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal MaxPoints { get; set; }
    public CriterionKind Kind { get; set; }
}
