using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Features.Reviews;

/// <summary>A rubric as the API and pages show it; the same shape (without id, version, frozen) is the PUT body.</summary>
public sealed record RubricView(
    Guid Id, int Year, Category Category, int Version, DateTime? FrozenAt, IReadOnlyList<CriterionView> Criteria,
    int ExpertsPerApplication, int TrimFrom, decimal DivergencePoints, decimal DivergenceBlockPercent,
    decimal BenchmarkMin, decimal ExcellentMin, decimal AdvancingMin, decimal BenchmarkBlockGatePercent, decimal? BenchmarkQuotaPercent,
    int AffiliationYears)
{
    public decimal TotalMax => Criteria.Sum(c => c.MaxPoints);

    public static RubricView Of(Rubric r) => new(r.Id, r.Year, r.Category, r.Version, r.FrozenAt,
        r.Criteria.OrderBy(c => c.Order).Select(CriterionView.Of).ToList(), r.ExpertsPerApplication, r.TrimFrom, r.DivergencePoints,
        r.DivergenceBlockPercent, r.BenchmarkMin, r.ExcellentMin, r.AdvancingMin, r.BenchmarkBlockGatePercent, r.BenchmarkQuotaPercent,
        r.AffiliationYears);
}

public sealed record CriterionView(string Code, string Block, string BlockName, string BlockNameEn, string Name, string NameEn,
    decimal MaxPoints, CriterionKind Kind)
{
    public static CriterionView Of(Criterion c) => new(c.Code, c.Block, c.BlockName, c.BlockNameEn, c.Name, c.NameEn, c.MaxPoints, c.Kind);
}

/// <summary>The editable part of a rubric: the criteria in order, the thresholds, experts per application.</summary>
public sealed class RubricInput
{
    public List<CriterionInput> Criteria { get; set; } = [];
    public int? ExpertsPerApplication { get; set; }
    public int? TrimFrom { get; set; }
    public decimal? DivergencePoints { get; set; }
    public decimal? DivergenceBlockPercent { get; set; }
    public decimal? BenchmarkMin { get; set; }
    public decimal? ExcellentMin { get; set; }
    public decimal? AdvancingMin { get; set; }
    public decimal? BenchmarkBlockGatePercent { get; set; }
    public decimal? BenchmarkQuotaPercent { get; set; }
    public int? AffiliationYears { get; set; }
    /// <summary>The version the client read, when it cannot send If-Match (the page's form).</summary>
    public int? Version { get; set; }

    public static RubricInput From(RubricView v) => new()
    {
        Criteria = v.Criteria.Select(c => new CriterionInput
        {
            Code = c.Code, Block = c.Block, BlockName = c.BlockName, BlockNameEn = c.BlockNameEn, Name = c.Name, NameEn = c.NameEn,
            MaxPoints = c.MaxPoints, Kind = c.Kind,
        }).ToList(),
        ExpertsPerApplication = v.ExpertsPerApplication, TrimFrom = v.TrimFrom, DivergencePoints = v.DivergencePoints,
        DivergenceBlockPercent = v.DivergenceBlockPercent, BenchmarkMin = v.BenchmarkMin, ExcellentMin = v.ExcellentMin,
        AdvancingMin = v.AdvancingMin, BenchmarkBlockGatePercent = v.BenchmarkBlockGatePercent, BenchmarkQuotaPercent = v.BenchmarkQuotaPercent,
        AffiliationYears = v.AffiliationYears, Version = v.Version,
    };
}

public sealed class CriterionInput
{
    public string? Code { get; set; }
    public string? Block { get; set; }
    public string? BlockName { get; set; }
    public string? BlockNameEn { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public decimal? MaxPoints { get; set; }
    public CriterionKind? Kind { get; set; }
    /// <summary>Page only: the position the secretariat typed (rows are sorted by it) and the remove box.</summary>
    public int? Order { get; set; }
    public bool Remove { get; set; }
}
