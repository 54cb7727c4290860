using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>
    /// Who may read an application: its organisation's applicants, the secretariat, the recommender it
    /// names once it has been submitted to it, and an expert with an Active assignment on it (never after a recusal;
    /// <paramref name="activeAssignment"/> is that fact, looked up by the caller). Everyone else must not learn it exists.
    /// </summary>
    public static Decision CanReadApplication(Actor actor, Application a, bool activeAssignment = false)
    {
        if (activeAssignment && actor.Is(Roles.Expert) && actor.ExpertId is not null) return Decision.Allow;
        if (actor.Is(Roles.Applicant) && actor.OrganizationId == a.OrganizationId) return Decision.Allow;
        if (actor.Is(Roles.Secretariat)) return Decision.Allow;
        if (IsNamedRecommender(actor, a)) return Decision.Allow;
        return Decision.Hide;
    }

    /// <summary>The recommender unit an application names sees it from its first submission on.</summary>
    public static bool IsNamedRecommender(Actor actor, Application a) =>
        actor.Is(Roles.Recommender) && actor.RecommenderUnitId is { } unit && a.RecommenderUnitId == unit
        && !a.IsDirect && a.SubmittedAt is not null;

    public static Decision CanEditApplication(Actor actor, Application a)
    {
        if (!(actor.Is(Roles.Applicant) && actor.OrganizationId == a.OrganizationId)) return Decision.Hide;
        return a.Stage == Stage.Draft ? Decision.Allow : Decision.Deny("Application.NotDraft");
    }

    public static Decision CanSubmitApplication(Actor actor, Application a, Rounds.Round round, DateTime nowUtc)
    {
        var edit = CanEditApplication(actor, a);
        if (!edit) return edit;
        return round.AcceptsSubmissionsAt(nowUtc) ? Decision.Allow : Decision.Deny("Application.DeadlinePassed");
    }

    public static Decision CanWithdrawApplication(Actor actor, Application a)
    {
        if (!(actor.Is(Roles.Applicant) && actor.OrganizationId == a.OrganizationId)) return Decision.Hide;
        return Workflow.Allows(a.Stage, Move.Withdraw) ? Decision.Allow : Decision.Deny("Application.CannotWithdraw");
    }

    public static Decision CanRecommendApplication(Actor actor, Application a)
    {
        if (!IsNamedRecommender(actor, a)) return Decision.Hide;
        return a.Stage == Stage.AwaitingRecommendation ? Decision.Allow : Decision.Deny("Application.NotAwaitingRecommendation");
    }
}
