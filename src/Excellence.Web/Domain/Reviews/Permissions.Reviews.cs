using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>
    /// An expert reads its own score sheet through an Active assignment; anyone else (also the same expert after a
    /// recusal) must not learn the assignment exists.
    /// </summary>
    public static Decision CanReadReview(Actor actor, Assignment assignment) =>
        actor.Is(Roles.Expert) && actor.ExpertId is { } me && assignment.ExpertId == me && assignment.Status == AssignmentStatus.Active
            ? Decision.Allow : Decision.Hide;

    /// <summary>Scoring: the assigned expert, while the application is in the preliminary review and the sheet not yet submitted.</summary>
    public static Decision CanScore(Actor actor, Assignment assignment, Stage stage, Review? review)
    {
        var read = CanReadReview(actor, assignment);
        if (!read) return read;
        if (stage != Stage.PreliminaryReview) return Decision.Deny("Review.NotInPreliminaryReview");
        if (review?.Status == ReviewStatus.Submitted) return Decision.Deny("Review.AlreadySubmitted");
        return Decision.Allow;
    }

    /// <summary>
    /// Other experts' scores on the same application: only after the expert's own sheet is submitted, and only the
    /// sheets of experts in the same review group.
    /// </summary>
    public static bool MaySeeOtherScores(Review? own, bool sameGroup) => own?.Status == ReviewStatus.Submitted && sameGroup;

    /// <summary>The rubric of a year: the secretariat, and experts with an assignment in that year.</summary>
    public static Decision CanReadRubric(Actor actor, bool assignedThatYear) =>
        actor.Is(Roles.Secretariat) || (actor.Is(Roles.Expert) && assignedThatYear) ? Decision.Allow : Decision.Hide;

    public static Decision CanEditRubric(Actor actor, Rubric rubric)
    {
        if (!actor.Is(Roles.Secretariat)) return Decision.Hide;
        return rubric.FrozenAt is null ? Decision.Allow : Decision.Deny("Rubric.Frozen");
    }

    /// <summary>The review progress of a year and the reminders: the secretariat.</summary>
    public static Decision CanFollowReviews(Actor actor) => actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;
}
