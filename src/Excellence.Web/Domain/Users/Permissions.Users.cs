namespace Excellence.Web.Domain;

public static partial class Permissions
{
    private static readonly string[] SecretariatGrants = [Roles.Expert, Roles.Approver, Roles.Recommender];
    private static readonly string[] AdministratorGrants = [Roles.Expert, Roles.Approver, Roles.Recommender, Roles.Secretariat, Roles.Administrator];

    /// <summary>
    /// The roles an actor may grant and withdraw on the users page. Applicant accounts belong to their
    /// organisation (registration and invitations), so nobody grants that role here.
    /// </summary>
    public static IReadOnlyList<string> GrantableRoles(Actor actor) =>
        actor.Is(Roles.Administrator) ? AdministratorGrants : actor.Is(Roles.Secretariat) ? SecretariatGrants : [];

    public static Decision CanGrantRole(Actor actor, string role) =>
        GrantableRoles(actor).Contains(role) ? Decision.Allow
        : actor.IsStaff ? Decision.Deny("Users.CannotGrantRole", role) : Decision.Deny("Permission.StaffOnly");

    /// <summary>
    /// Disabling or enabling an account. Nobody disables themselves (the last administrator could lock
    /// everyone out); accounts holding a staff role are the administrator's to switch.
    /// </summary>
    public static Decision CanSetAccountDisabled(Actor actor, Guid userId, IReadOnlyCollection<string> userRoles)
    {
        if (!actor.IsStaff) return Decision.Deny("Permission.StaffOnly");
        if (actor.UserId == userId) return Decision.Deny("Users.CannotDisableSelf");
        if (!actor.Is(Roles.Administrator) && userRoles.Any(r => r is Roles.Secretariat or Roles.Administrator))
            return Decision.Deny("Users.OnlyAdministratorForStaff");
        return Decision.Allow;
    }

    public static Decision CanManageRecommenders(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");
}
