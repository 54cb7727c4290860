namespace Excellence.Web.Domain.Diagnosis;

/// <summary>The notice's frame a question belongs to: 方向 / 运行 / 结果, or none (the veto question).</summary>
public enum Frame { None, Direction, Operation, Result }

/// <summary>M5 maturity (A–E), Q5 five ordered bands (A–E), or a yes/no veto.</summary>
public enum AnswerScale { M5, Q5, YesNoVeto }

public enum IndicatorSystemStatus { Draft, Published }

public sealed class Indicator
{
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public Frame Frame { get; set; }
    public AnswerScale Scale { get; set; }
    public decimal Weight { get; set; }
    /// <summary>Marked † in the spec: may be answered N/A and is then left out of the dimension.</summary>
    public bool AllowsNotApplicable { get; set; }
    /// <summary>The five band labels of a Q5 question, lowest first; empty for M5 and the veto.</summary>
    public List<string> Options { get; set; } = [];
}

public sealed class IndicatorDimension
{
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal Weight { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
}

/// <summary>One maturity level: reached from <see cref="MinTotal"/>, when every dimension is at least <see cref="MinDimension"/>.</summary>
public sealed class LevelRule
{
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal MinTotal { get; set; }
    public decimal? MinDimension { get; set; }
    public bool RequiresNoVeto { get; set; }
}

/// <summary>The content of one version: what the questionnaire asks and how it is scored.</summary>
public sealed class IndicatorDefinition
{
    public List<IndicatorDimension> Dimensions { get; set; } = [];
    /// <summary>Lowest first.</summary>
    public List<LevelRule> Levels { get; set; } = [];
    /// <summary>The highest level a veto flag allows (L2 by default).</summary>
    public string VetoCapLevel { get; set; } = "L2";

    public IEnumerable<Indicator> AllIndicators => Dimensions.SelectMany(d => d.Indicators);
    public Indicator? Find(string code) => AllIndicators.FirstOrDefault(i => i.Code == code);

    /// <summary>The invariants a version must keep before it is published.</summary>
    public List<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        if (Dimensions.Count == 0) problems.Add(new("dimensions", new Problem("Diagnosis.System.NoDimensions")));
        var dimensionSum = Dimensions.Sum(d => d.Weight);
        if (dimensionSum != 100m) problems.Add(new("dimensions", new Problem("Diagnosis.System.WeightsNot100", dimensionSum)));
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            var field = $"dimensions[{i}]";
            if (string.IsNullOrWhiteSpace(d.Code) || !codes.Add(d.Code)) problems.Add(new(field + ".code", new Problem("Diagnosis.System.CodeDuplicate")));
            if (string.IsNullOrWhiteSpace(d.NameZh)) problems.Add(new(field + ".nameZh", new Problem("Validation.Required")));
            if (d.Weight <= 0) problems.Add(new(field + ".weight", new Problem("Diagnosis.System.WeightPositive")));
            if (d.Indicators.Count == 0) problems.Add(new(field, new Problem("Diagnosis.System.NoIndicators")));
            for (var j = 0; j < d.Indicators.Count; j++)
            {
                var q = d.Indicators[j];
                var qf = $"{field}.indicators[{j}]";
                if (string.IsNullOrWhiteSpace(q.Code) || !codes.Add(q.Code)) problems.Add(new(qf + ".code", new Problem("Diagnosis.System.CodeDuplicate")));
                if (string.IsNullOrWhiteSpace(q.Text)) problems.Add(new(qf + ".text", new Problem("Validation.Required")));
                if (q.Weight <= 0) problems.Add(new(qf + ".weight", new Problem("Diagnosis.System.WeightPositive")));
                if (q.Scale == AnswerScale.Q5 && (q.Options.Count != 5 || q.Options.Any(string.IsNullOrWhiteSpace)))
                    problems.Add(new(qf + ".options", new Problem("Diagnosis.System.FiveBands")));
            }
        }
        if (Levels.Count == 0) problems.Add(new("levels", new Problem("Diagnosis.System.NoLevels")));
        for (var i = 1; i < Levels.Count; i++)
            if (Levels[i].MinTotal <= Levels[i - 1].MinTotal)
                problems.Add(new($"levels[{i}].minTotal", new Problem("Diagnosis.System.LevelsAscending")));
        if (Levels.Count > 0 && Levels[0].MinTotal != 0) problems.Add(new("levels[0].minTotal", new Problem("Diagnosis.System.FirstLevelZero")));
        if (Levels.Count > 0 && Levels.All(l => l.Code != VetoCapLevel)) problems.Add(new("vetoCapLevel", new Problem("Diagnosis.System.VetoCapUnknown")));
        return problems;
    }

    // ---- Adding and removing items (draft editing) ----
    // New items follow the seeded scheme: dimensions D1, D2, …; questions "<dimension number>.<n>" (3.6).
    // They start incomplete on purpose (no name or text, weight 0), so Validate() lists them until filled in.
    // Removing the last question of a dimension leaves the dimension empty (Validate() then reports
    // Diagnosis.System.NoIndicators); the dimension itself goes only with RemoveDimension.

    /// <summary>Appends a dimension with the next free code (D9 after D8) and one starter question (9.1).</summary>
    public IndicatorDimension AddDimension()
    {
        var used = UsedCodes();
        var next = Dimensions.Select(d => NumberAfter(d.Code, "D")).DefaultIfEmpty(0).Max() + 1;
        while (used.Contains($"D{next}") || AllIndicators.Any(q => q.Code.StartsWith($"{next}.", StringComparison.Ordinal))) next++;
        var dimension = new IndicatorDimension { Code = $"D{next}", Weight = 0 };
        Dimensions.Add(dimension);
        AddIndicator(Dimensions.Count - 1);
        return dimension;
    }

    /// <summary>Removes the dimension with this code and its questions; false when there is none.</summary>
    public bool RemoveDimension(string code)
    {
        var index = Dimensions.FindIndex(d => d.Code == code);
        return index >= 0 && RemoveDimension(index);
    }

    /// <summary>Removes the dimension at this position (codes typed into the form may be empty or repeated).</summary>
    public bool RemoveDimension(int index)
    {
        if (index < 0 || index >= Dimensions.Count) return false;
        Dimensions.RemoveAt(index);
        return true;
    }

    /// <summary>Appends a question (M5, 运行, weight 0) with the next free code to the dimension; null when there is none.</summary>
    public Indicator? AddIndicator(string dimensionCode)
    {
        var index = Dimensions.FindIndex(d => d.Code == dimensionCode);
        return index < 0 ? null : AddIndicator(index);
    }

    public Indicator? AddIndicator(int dimensionIndex)
    {
        if (dimensionIndex < 0 || dimensionIndex >= Dimensions.Count) return null;
        var dimension = Dimensions[dimensionIndex];
        // The prefix is the dimension's number (D3 → "3"), else the first question's prefix, else its position.
        var prefix = NumberAfter(dimension.Code, "D") is var n and > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : dimension.Indicators.Select(q => q.Code.Split('.')[0]).FirstOrDefault(p => p.Length > 0)
              ?? (dimensionIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var used = UsedCodes();
        var next = dimension.Indicators.Select(q => NumberAfter(q.Code, prefix + ".")).DefaultIfEmpty(0).Max() + 1;
        while (used.Contains($"{prefix}.{next}")) next++;
        var indicator = new Indicator { Code = $"{prefix}.{next}", Frame = Frame.Operation, Scale = AnswerScale.M5, Weight = 0 };
        dimension.Indicators.Add(indicator);
        return indicator;
    }

    /// <summary>Removes the question with this code wherever it is; false when there is none.</summary>
    public bool RemoveIndicator(string code)
    {
        foreach (var d in Dimensions)
        {
            var index = d.Indicators.FindIndex(q => q.Code == code);
            if (index >= 0) { d.Indicators.RemoveAt(index); return true; }
        }
        return false;
    }

    public bool RemoveIndicator(int dimensionIndex, int indicatorIndex)
    {
        if (dimensionIndex < 0 || dimensionIndex >= Dimensions.Count) return false;
        var indicators = Dimensions[dimensionIndex].Indicators;
        if (indicatorIndex < 0 || indicatorIndex >= indicators.Count) return false;
        indicators.RemoveAt(indicatorIndex);
        return true;
    }

    private HashSet<string> UsedCodes() =>
        new(Dimensions.Select(d => d.Code).Concat(AllIndicators.Select(q => q.Code)), StringComparer.Ordinal);

    /// <summary>The number after the prefix ("D12" → 12, "3.6" → 6 for "3."); 0 when the code does not follow the scheme.</summary>
    private static int NumberAfter(string? code, string prefix) =>
        code is not null && code.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(code.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    public IndicatorDefinition Copy() => System.Text.Json.JsonSerializer.Deserialize<IndicatorDefinition>(
        System.Text.Json.JsonSerializer.Serialize(this))!;
}

/// <summary>
/// One version of the indicator system. Published versions never change: a diagnosis keeps the
/// version it was answered with, and the secretariat edits a new draft copied from the current one.
/// </summary>
public sealed class IndicatorSystem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Number { get; set; }
    public IndicatorSystemStatus Status { get; set; }
    public IndicatorDefinition Definition { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Version { get; set; }

    public bool IsEditable => Status == IndicatorSystemStatus.Draft;

    public IndicatorSystem NewDraft(int number, DateTime now) =>
        new() { Number = number, Status = IndicatorSystemStatus.Draft, Definition = Definition.Copy(), CreatedAt = now };

    public List<FieldProblem> Publish(DateTime now)
    {
        if (!IsEditable) return [new("status", new Problem("Diagnosis.System.AlreadyPublished"))];
        var problems = Definition.Validate();
        if (problems.Count > 0) return problems;
        Status = IndicatorSystemStatus.Published;
        PublishedAt = now;
        Version++;
        return [];
    }
}
