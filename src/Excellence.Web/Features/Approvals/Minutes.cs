using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;

namespace Excellence.Web.Features.Approvals;

/// <summary>The minutes of a meeting: only once it is closed (before, there is no result to record).</summary>
public static class Minutes
{
    public sealed class Handler(GetMeeting.Handler get)
    {
        public async Task<Outcome<MeetingView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var outcome = await get.HandleAsync(actor, id, ct);
            if (!outcome.IsOk) return outcome;
            return outcome.Value!.Status == MeetingStatus.Closed ? outcome : Outcome<MeetingView>.Conflict(new Problem("Approval.MinutesBeforeClosing"));
        }
    }
}
