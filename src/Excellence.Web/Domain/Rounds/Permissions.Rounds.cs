namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>Only the secretariat creates and changes evaluation years.</summary>
    public static Decision CanManageRounds(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");
}
