using Excellence.Web.Data;
using Excellence.Web.Domain;

namespace Excellence.Web.Features.Panels;

/// <summary>One meeting for the secretariat (everything) or a member (without the items it is recused on).</summary>
public static class GetPanelMeeting
{
    public sealed class Handler(AppDb db)
    {
        public async Task<Outcome<PanelMeetingView>> HandleAsync(Actor actor, Guid id, CancellationToken ct = default)
        {
            var m = await db.LoadMeetingAsync(id, ct);
            if (m is null) return Outcome<PanelMeetingView>.NotFound();
            var may = Permissions.CanReadPanelMeeting(actor, m);
            if (!may) return Outcome<PanelMeetingView>.Denied(may);
            return Outcome<PanelMeetingView>.Ok(await db.ViewAsync(m, actor, ct));
        }

        /// <summary>One item of the meeting; 404 also when the caller is recused on it.</summary>
        public async Task<Outcome<PanelItemView>> ItemAsync(Actor actor, Guid id, Guid applicationId, CancellationToken ct = default)
        {
            var meeting = await HandleAsync(actor, id, ct);
            if (!meeting.IsOk) return meeting.As<PanelItemView>();
            var item = meeting.Value!.Items.FirstOrDefault(i => i.ApplicationId == applicationId);
            return item is null ? Outcome<PanelItemView>.NotFound() : Outcome<PanelItemView>.Ok(item);
        }
    }
}
