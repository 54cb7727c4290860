namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>
    /// A diagnosis (its answers, report, PDF and evidence) is the organisation's own: only its applicants see
    /// it. Everyone else, the secretariat included, sees aggregates only, so it is not even acknowledged.
    /// </summary>
    public static Decision CanReadDiagnosis(Actor actor, Guid organizationId) =>
        actor.Is(Roles.Applicant) && actor.OrganizationId == organizationId ? Decision.Allow : Decision.Hide;

    public static Decision CanEditDiagnosis(Actor actor, Guid organizationId, bool submitted) =>
        !CanReadDiagnosis(actor, organizationId) ? Decision.Hide
        : submitted ? Decision.Deny("Diagnosis.AlreadySubmitted") : Decision.Allow;

    /// <summary>Starting a diagnosis needs an organisation to diagnose.</summary>
    public static Decision CanStartDiagnosis(Actor actor) =>
        !actor.Is(Roles.Applicant) ? Decision.Hide
        : actor.OrganizationId is null ? Decision.Deny("Diagnosis.NoOrganization") : Decision.Allow;

    public static Decision CanManageIndicatorSystems(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;
}
