using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>Only the secretariat screens; others must not learn the application exists.</summary>
    public static Decision CanScreen(Actor actor, Application a)
    {
        if (!actor.Is(Roles.Secretariat)) return Decision.Hide;
        return a.Stage == Stage.Screening ? Decision.Allow : Decision.Deny("Screening.NotInScreening");
    }

    /// <summary>The screening file: the secretariat in full, the owner's applicants without internal notes.</summary>
    public static Decision CanReadScreening(Actor actor, Application a) =>
        actor.Is(Roles.Secretariat) || IsOwner(actor, a) ? Decision.Allow : Decision.Hide;

    /// <summary>The internal note and the checklist answers are the secretariat's.</summary>
    public static bool SeesScreeningInternals(Actor actor) => actor.Is(Roles.Secretariat);

    /// <summary>The owner answers the open request while the application awaits it; late answers are accepted.</summary>
    public static Decision CanAnswerSupplement(Actor actor, Application a, SupplementRequest request)
    {
        if (!IsOwner(actor, a) || request.ApplicationId != a.Id) return Decision.Hide;
        return request.IsOpen && a.Stage == Stage.AwaitingSupplement ? Decision.Allow : Decision.Deny("Supplement.NotOpen");
    }

    public static Decision CanEditScreeningChecklist(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;

    private static bool IsOwner(Actor actor, Application a) => actor.Is(Roles.Applicant) && actor.OrganizationId == a.OrganizationId;
}
