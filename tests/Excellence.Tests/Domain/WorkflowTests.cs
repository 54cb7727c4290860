using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;

namespace Excellence.Tests.Domain;

public class WorkflowTests
{
    private static readonly Actor Someone = new(Guid.NewGuid(), "张三", new HashSet<string> { Roles.Applicant }, Guid.NewGuid(), null);
    private static readonly DateTime Now = new(2026, 6, 18, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_legal_move_changes_the_stage_and_records_who_when_and_why()
    {
        var a = new Application { Stage = Stage.AwaitingRecommendation };
        var change = Workflow.Apply(a, Move.Return, Someone, Now, " 请补充材料 ");
        Assert.Equal(Stage.Draft, a.Stage);
        Assert.Equal((Stage.AwaitingRecommendation, Stage.Draft, Move.Return, Now, Someone.UserId, "张三", "请补充材料"),
            (change.From, change.To, change.Move, change.At, change.ByUserId, change.ByName, change.Reason));
    }

    [Theory]
    [InlineData(Stage.Draft, Move.Recommend)]
    [InlineData(Stage.Screening, Move.SubmitDirect)]
    [InlineData(Stage.Approved, Move.Withdraw)]
    [InlineData(Stage.Published, Move.Withdraw)]
    [InlineData(Stage.Withdrawn, Move.SubmitForRecommendation)]
    public void An_illegal_move_throws_and_leaves_the_stage(Stage from, Move move)
    {
        var a = new Application { Stage = from };
        Assert.Throws<IllegalMoveException>(() => Workflow.Apply(a, move, Someone, Now, "原因"));
        Assert.Equal(from, a.Stage);
    }

    [Fact]
    public void Returning_and_withdrawing_need_a_reason()
    {
        var a = new Application { Stage = Stage.AwaitingRecommendation };
        Assert.Throws<ArgumentException>(() => Workflow.Apply(a, Move.Return, Someone, Now, " "));
        Assert.Throws<ArgumentException>(() => Workflow.Apply(a, Move.Withdraw, Someone, Now));
        Assert.Equal(Stage.AwaitingRecommendation, a.Stage);
    }

    [Fact]
    public void Withdrawal_is_possible_from_every_stage_before_approval_and_from_none_after()
    {
        var before = new[] { Stage.Draft, Stage.AwaitingRecommendation, Stage.Screening, Stage.AwaitingSupplement, Stage.ScreeningFailed, Stage.PreliminaryReview,
            Stage.PanelReview, Stage.SiteVerification, Stage.Proposed };
        foreach (var stage in Enum.GetValues<Stage>())
            Assert.Equal(before.Contains(stage), Workflow.Allows(stage, Move.Withdraw));
    }

    [Fact]
    public void The_later_stages_of_the_process_are_in_the_table()
    {
        Assert.Equal(Stage.PreliminaryReview, Workflow.Target(Stage.Screening, Move.PassScreening));
        Assert.Equal(Stage.AwaitingSupplement, Workflow.Target(Stage.Screening, Move.RequestSupplement));
        Assert.Equal(Stage.Screening, Workflow.Target(Stage.AwaitingSupplement, Move.AnswerSupplement));
        Assert.Equal(Stage.ScreeningFailed, Workflow.Target(Stage.Screening, Move.FailScreening));
        Assert.Equal(Stage.Proposed, Workflow.Target(Stage.SiteVerification, Move.Propose));
        Assert.Equal(Stage.Approved, Workflow.Target(Stage.Proposed, Move.Approve));
        Assert.Equal(Stage.Published, Workflow.Target(Stage.PublicNotice, Move.Publish));
    }

    [Fact]
    public void An_upheld_objection_revokes_a_result_during_the_notice_only_and_must_say_why()
    {
        var a = new Application { Stage = Stage.PublicNotice };
        Assert.Throws<ArgumentException>(() => Workflow.Apply(a, Move.RevokeResult, Someone, Now, " "));
        var change = Workflow.Apply(a, Move.RevokeResult, Someone, Now, "异议成立");
        Assert.Equal((Stage.PublicNotice, Stage.NotApproved, "异议成立"), (change.From, a.Stage, change.Reason));
        Assert.False(Workflow.Allows(Stage.Published, Move.RevokeResult));
        Assert.False(Workflow.Allows(Stage.Approved, Move.RevokeResult));
    }
}
