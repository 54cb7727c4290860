namespace Excellence.Web.Domain;

/// <summary>Who is acting: the signed-in user as the rules need to see them.</summary>
public sealed record Actor(Guid UserId, string Name, IReadOnlySet<string> Roles, Guid? OrganizationId, Guid? RecommenderUnitId,
    Guid? ExpertId = null)
{
    public bool Is(string role) => Roles.Contains(role);
    public bool IsStaff => Is(Domain.Roles.Secretariat) || Is(Domain.Roles.Administrator);

    public static Actor System { get; } = new(Guid.Empty, "system", new HashSet<string>(), null, null);
}
