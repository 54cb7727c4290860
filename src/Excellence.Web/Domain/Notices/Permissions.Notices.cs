using Excellence.Web.Domain.Notices;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>Only the secretariat publishes notices.</summary>
    public static Decision CanPublishNotice(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");

    /// <summary>
    /// Objections and the objectors' identities are for the secretariat alone. Other signed-in users are refused
    /// visibly (403): that objections exist is no secret, their content is.
    /// </summary>
    public static Decision CanReadObjections(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");

    public static Decision CanDecideObjection(Actor actor, Objection o)
    {
        if (!actor.Is(Roles.Secretariat)) return Decision.Deny("Permission.SecretariatOnly");
        return o.Status == ObjectionStatus.Received ? Decision.Allow : Decision.Deny("Objection.AlreadyDecided");
    }

    /// <summary>Anyone may object while the notice is open; before and after, the refusal names the period.</summary>
    public static Decision CanObject(PublicNotice notice, DateTime nowUtc) => notice.StatusAt(nowUtc) switch
    {
        NoticeStatus.Open => Decision.Allow,
        NoticeStatus.Scheduled => Decision.Deny("Objection.NotYetOpen", notice.StartDate, notice.LastDay),
        _ => Decision.Deny("Objection.Closed", notice.StartDate, notice.LastDay),
    };
}
