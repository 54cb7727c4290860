namespace Excellence.Web.Domain;

/// <summary>
/// Every record-level read and write asks here. Pure functions of (actor, record, now) that explain a
/// refusal; <see cref="Decision.Hide"/> when the record must not even be acknowledged (404).
/// Each area adds its rules in a part of its own: Domain/{Area}/Permissions.{Area}.cs.
/// </summary>
public static partial class Permissions
{
    /// <summary>An organisation's profile: its own users read and edit it; the secretariat reads it.</summary>
    public static Decision CanReadOrganization(Actor actor, Guid organizationId) =>
        actor.OrganizationId == organizationId || actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;

    public static Decision CanEditOrganization(Actor actor, Guid organizationId) =>
        actor.OrganizationId == organizationId && actor.Is(Roles.Applicant) ? Decision.Allow : Decision.Hide;
}
