using Excellence.Web.Domain.Organizations;

namespace Excellence.Web.Domain.Diagnosis;

public enum DiagnosisStatus { Draft, Submitted }

/// <summary>
/// One self-assessment of an organisation (企业高质量发展诊断), answered against one version of the
/// indicator system and kept with it; its result is computed once, at submission, and stored.
/// </summary>
public sealed class Diagnosis : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid IndicatorSystemId { get; set; }
    public int SystemNumber { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    public DiagnosisStatus Status { get; set; }
    public bool TruthfulnessConfirmed { get; set; }
    public Guid StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }

    // The result, stored at submission.
    // Stored as floating point so both databases can average them; always one decimal, converted back exactly.
    public double? Total { get; set; }
    public string? Level { get; set; }
    public bool Veto { get; set; }
    public bool VetoCapped { get; set; }
    public double? DirectionIndex { get; set; }
    public double? OperationIndex { get; set; }
    public double? ResultIndex { get; set; }
    public List<DiagnosisDimensionScore> DimensionScores { get; set; } = [];

    // The organisation as it was at submission: the peer group and the analytics read these.
    public Industry? Industry { get; set; }
    public OrganizationScale? Scale { get; set; }
    public string? District { get; set; }

    public bool IsSubmitted => Status == DiagnosisStatus.Submitted;

    /// <summary>Records one answer (null clears it).</summary>
    public Problem? Answer(IndicatorDefinition system, string code, string? value, DateTime now)
    {
        if (IsSubmitted) return new Problem("Diagnosis.AlreadySubmitted");
        var indicator = system.Find(code);
        if (indicator is null) return new Problem("Diagnosis.Answer.UnknownQuestion", code);
        if (string.IsNullOrEmpty(value)) Answers.Remove(code);
        else if (Domain.Diagnosis.Answers.Check(indicator, value) is { } problem) return problem;
        else Answers[code] = value;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Submits: every question answered or N/A and the statement of truthfulness confirmed.</summary>
    public List<FieldProblem> Submit(IndicatorDefinition system, bool truthfulness, Organization organization, DateTime now)
    {
        var problems = new List<FieldProblem>();
        if (IsSubmitted) return [new("status", new Problem("Diagnosis.AlreadySubmitted"))];
        foreach (var code in Scoring.Unanswered(system, Answers))
            problems.Add(new($"answers[{code}]", new Problem("Diagnosis.Answer.Required")));
        if (!truthfulness) problems.Add(new("truthfulness", new Problem("Diagnosis.TruthfulnessRequired")));
        if (problems.Count > 0) return problems;

        var result = Scoring.Score(system, Answers);
        Total = (double)result.Total;
        Level = result.Level;
        Veto = result.Veto;
        VetoCapped = result.VetoCapped;
        DirectionIndex = (double?)result.Direction;
        OperationIndex = (double?)result.Operation;
        ResultIndex = (double?)result.Result;
        DimensionScores = result.Dimensions.Select((d, i) => new DiagnosisDimensionScore
        {
            DiagnosisId = Id, Code = d.Code, Order = i, Score = (double?)d.Score, InsufficientData = d.InsufficientData,
        }).ToList();
        Industry = organization.Industry;
        Scale = organization.Scale;
        District = organization.District;
        TruthfulnessConfirmed = true;
        Status = DiagnosisStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return [];
    }

    /// <summary>The stored result as the report reads it.</summary>
    public DiagnosisResult? Result => Total is null ? null : new DiagnosisResult(Exact(Total)!.Value, Level!, Veto, VetoCapped,
        Exact(DirectionIndex), Exact(OperationIndex), Exact(ResultIndex),
        DimensionScores.OrderBy(d => d.Order).Select(d => new DimensionScore(d.Code, Exact(d.Score), d.InsufficientData)).ToList());

    private static decimal? Exact(double? value) => value is null ? null : Math.Round((decimal)value.Value, 1);
}

/// <summary>One dimension's stored score, a row of its own so the analytics can average it in the database.</summary>
public sealed class DiagnosisDimensionScore
{
    public Guid DiagnosisId { get; set; }
    public string Code { get; set; } = "";
    public int Order { get; set; }
    public double? Score { get; set; }
    public bool InsufficientData { get; set; }
}

/// <summary>An optional evidence file attached to one answer.</summary>
public sealed class DiagnosisEvidence : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DiagnosisId { get; set; }
    public string IndicatorCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
