using Excellence.Web.Domain.Applications;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>Rankings, calibration, the score export and finalising the preliminary review: the secretariat only.</summary>
    public static Decision CanReadRankings(Actor actor) =>
        actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Deny("Permission.SecretariatOnly");

    public static Decision CanFinalizeRankings(Actor actor) => CanReadRankings(actor);

    /// <summary>
    /// 组长合议: only the leader of the application's review group records the consensus. An expert who scores the
    /// application but does not lead its group is told so (403); anyone else must not learn it exists (404).
    /// </summary>
    public static Decision CanRecordConsensus(Actor actor, Application a, Guid? leaderExpertId, bool actorAssigned)
    {
        if (!actor.Is(Roles.Expert) || actor.ExpertId is not { } expertId) return Decision.Hide;
        if (leaderExpertId != expertId) return actorAssigned ? Decision.Deny("Ranking.Consensus.NotLeader") : Decision.Hide;
        return a.Stage == Stage.PreliminaryReview ? Decision.Allow : Decision.Deny("Ranking.Consensus.NotInPreliminaryReview");
    }
}
