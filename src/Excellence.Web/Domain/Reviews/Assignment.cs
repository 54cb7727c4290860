namespace Excellence.Web.Domain.Reviews;

public enum AssignmentSource { Manual, Automatic, Draw }

public enum AssignmentStatus { Active, Recused, Removed }

/// <summary>
/// One expert asked to score one application in the preliminary review (成果初审). Created only for an
/// expert without a conflict; a recusal keeps the row (status Recused) so the record shows who stepped back.
/// </summary>
public sealed class Assignment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Guid ExpertId { get; set; }
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public Category Category { get; set; }
    public Guid? ReviewGroupId { get; set; }
    public AssignmentSource Source { get; set; }
    public AssignmentStatus Status { get; set; } = AssignmentStatus.Active;
    public DateTime AssignedAt { get; set; }
    public Guid AssignedBy { get; set; }
    public DateTime? RecusedAt { get; set; }
    public string? RecusalReason { get; set; }
    public int Version { get; set; }
}

public enum ConflictKind { SameOrganization, SameGroup, RecommenderUnit, Affiliation, Declared }

/// <summary>
/// A conflict of interest recorded for an expert and an application: declared by the expert (recusal) or
/// entered by the secretariat. Detected conflicts are computed (Conflicts.Detect) and need no row.
/// </summary>
public sealed class Conflict : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ExpertId { get; set; }
    public Guid ApplicationId { get; set; }
    public ConflictKind Kind { get; set; } = ConflictKind.Declared;
    public string Reason { get; set; } = "";
    public DateTime DeclaredAt { get; set; }
    public Guid DeclaredBy { get; set; }
}
