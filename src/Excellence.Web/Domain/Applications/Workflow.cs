namespace Excellence.Web.Domain.Applications;

/// <summary>The named moves of the process diagram (process.md).</summary>
public enum Move
{
    SubmitForRecommendation, SubmitDirect, Recommend, Return, Withdraw,
    RequestSupplement, AnswerSupplement, PassScreening, FailScreening, StartPanelReview, RequestSiteVerification, Propose,
    Approve, NotApprove, StartPublicNotice, Publish,
    // An objection upheld during the public notice takes the result back (公示异议成立).
    RevokeResult,
}

/// <summary>An attempt to move an application along a transition the table does not have.</summary>
public sealed class IllegalMoveException(Stage from, Move move)
    : InvalidOperationException($"An application in stage {from} cannot make the move {move}.")
{
    public Stage From { get; } = from;
    public Move Move { get; } = move;
}

/// <summary>
/// The one place an application's stage changes. The table lists every legal move; anything else throws.
/// Each move yields the <see cref="StageChange"/> row (who, when, why) that the caller adds to the same
/// save, so the audit entry and the change are written together.
/// </summary>
public static class Workflow
{
    /// <summary>The stages before approval, from which the applicant may withdraw.</summary>
    public static readonly IReadOnlySet<Stage> Withdrawable = new HashSet<Stage>
    {
        Stage.Draft, Stage.AwaitingRecommendation, Stage.Screening, Stage.AwaitingSupplement, Stage.ScreeningFailed, Stage.PreliminaryReview,
        Stage.PanelReview, Stage.SiteVerification, Stage.Proposed,
    };

    private static readonly Dictionary<(Stage From, Move Move), Stage> Table = Build();

    /// <summary>Moves that must say why.</summary>
    private static readonly IReadOnlySet<Move> NeedReason = new HashSet<Move> { Move.Return, Move.Withdraw, Move.FailScreening, Move.RevokeResult };

    private static Dictionary<(Stage, Move), Stage> Build()
    {
        var t = new Dictionary<(Stage, Move), Stage>
        {
            [(Stage.Draft, Move.SubmitForRecommendation)] = Stage.AwaitingRecommendation,
            [(Stage.Draft, Move.SubmitDirect)] = Stage.Screening,
            [(Stage.AwaitingRecommendation, Move.Recommend)] = Stage.Screening,
            [(Stage.AwaitingRecommendation, Move.Return)] = Stage.Draft,
            // Later stages, for the screening, review, approval and notice issues.
            [(Stage.Screening, Move.RequestSupplement)] = Stage.AwaitingSupplement,
            [(Stage.AwaitingSupplement, Move.AnswerSupplement)] = Stage.Screening,
            [(Stage.Screening, Move.PassScreening)] = Stage.PreliminaryReview,
            [(Stage.Screening, Move.FailScreening)] = Stage.ScreeningFailed,
            [(Stage.PreliminaryReview, Move.StartPanelReview)] = Stage.PanelReview,
            [(Stage.PreliminaryReview, Move.Propose)] = Stage.Proposed,
            [(Stage.PanelReview, Move.RequestSiteVerification)] = Stage.SiteVerification,
            [(Stage.PanelReview, Move.Propose)] = Stage.Proposed,
            [(Stage.SiteVerification, Move.Propose)] = Stage.Proposed,
            [(Stage.Proposed, Move.Approve)] = Stage.Approved,
            [(Stage.Proposed, Move.NotApprove)] = Stage.NotApproved,
            [(Stage.Approved, Move.StartPublicNotice)] = Stage.PublicNotice,
            [(Stage.PublicNotice, Move.Publish)] = Stage.Published,
            [(Stage.PublicNotice, Move.RevokeResult)] = Stage.NotApproved,
        };
        foreach (var stage in Withdrawable) t[(stage, Move.Withdraw)] = Stage.Withdrawn;
        return t;
    }

    public static bool Allows(Stage from, Move move) => Table.ContainsKey((from, move));

    public static Stage? Target(Stage from, Move move) => Table.TryGetValue((from, move), out var to) ? to : null;

    /// <summary>Every legal move out of a stage (for "what happens next").</summary>
    public static IEnumerable<Move> MovesFrom(Stage from) => Table.Keys.Where(k => k.From == from).Select(k => k.Move);

    /// <summary>Moves the application; throws on an illegal move or a missing reason. Returns the row to add.</summary>
    public static StageChange Apply(Application application, Move move, Actor actor, DateTime nowUtc, string? reason = null)
    {
        if (!Table.TryGetValue((application.Stage, move), out var to)) throw new IllegalMoveException(application.Stage, move);
        if (NeedReason.Contains(move) && string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException($"The move {move} needs a reason.", nameof(reason));
        var change = new StageChange
        {
            ApplicationId = application.Id, From = application.Stage, To = to, Move = move, At = nowUtc,
            ByUserId = actor.UserId, ByName = actor.Name, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
        application.Stage = to;
        application.UpdatedAt = nowUtc;
        return change;
    }
}
