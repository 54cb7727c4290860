using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>The expert pool, review groups and assignments are the secretariat's.</summary>
    public static Decision CanManageExperts(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");

    /// <summary>
    /// The assigned expert declares a conflict (recusal) on its own active assignment; anyone else must not
    /// learn the assignment exists.
    /// </summary>
    public static Decision CanRecuse(Actor actor, Assignment assignment)
    {
        if (!actor.Is(Roles.Expert) || actor.ExpertId is null || actor.ExpertId != assignment.ExpertId) return Decision.Hide;
        return assignment.Status == AssignmentStatus.Active ? Decision.Allow : Decision.Deny("Assignment.NotActive");
    }
}
