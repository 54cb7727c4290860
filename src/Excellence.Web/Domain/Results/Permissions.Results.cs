using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Results;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>
    /// The applicant's result and feedback: its organisation (and the secretariat) once the year and category are
    /// published and the application reached a final stage; before that it does not exist for anyone (404).
    /// </summary>
    public static Decision CanReadResult(Actor actor, Application a, bool published)
    {
        if (!(actor.Is(Roles.Applicant) && actor.OrganizationId == a.OrganizationId) && !actor.Is(Roles.Secretariat)) return Decision.Hide;
        return published && ResultRules.FeedbackStages.Contains(a.Stage) ? Decision.Allow : Decision.Hide;
    }

    /// <summary>A certificate's PDF: its organisation while it stands, the secretariat always (a revoked one marked).</summary>
    public static Decision CanDownloadCertificate(Actor actor, Certificate c)
    {
        if (actor.Is(Roles.Secretariat)) return Decision.Allow;
        if (!(actor.Is(Roles.Applicant) && actor.OrganizationId == c.OrganizationId)) return Decision.Hide;
        return c.IsRevoked ? Decision.Deny("Results.CertificateRevoked") : Decision.Allow;
    }

    public static Decision CanPublishResults(Actor actor) => actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;

    public static Decision CanRevokeCertificate(Actor actor, Certificate c)
    {
        if (!actor.Is(Roles.Secretariat)) return Decision.Hide;
        return c.IsRevoked ? Decision.Deny("Results.AlreadyRevoked") : Decision.Allow;
    }
}
