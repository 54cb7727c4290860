using Excellence.Web.Data;
using Excellence.Web.Domain;

namespace Excellence.Web.Features.Reviews;

/// <summary>
/// Submits the score sheet (with what the page sends last, or as stored): every sub-criterion scored, strengths and
/// opportunities written, a veto proposal with its reason. Read-only afterwards.
/// </summary>
public static class SubmitReview
{
    public sealed class Handler(AppDb db, TimeProvider clock, AuditRecorder audit)
    {
        public Task<Outcome<SaveReview.Saved>> HandleAsync(Actor actor, SaveReview.Command command, CancellationToken ct = default) =>
            ScoreSheetWriter.WriteAsync(db, clock, audit, actor, command, submit: true, ct);
    }
}
