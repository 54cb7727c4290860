using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Panels;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Features.Panels;

/// <summary>
/// The meeting's own fields, as the create and edit forms and the API send them. <see cref="StartsAt"/> is Shanghai
/// local time (a value marked UTC is taken as UTC).
/// </summary>
public sealed record PanelMeetingForm(string? Title, DateTime? StartsAt, string? Place, IReadOnlyList<Guid>? MemberIds, Guid? ChairId)
{
    public async Task<FieldProblems> ValidateAsync(AppDb db, CancellationToken ct)
    {
        var problems = new FieldProblems();
        var title = (Title ?? "").Trim();
        if (title.Length == 0) problems.Add("title", "Validation.Required");
        if (title.Length > 200) problems.Add("title", "Validation.TooLong", 200);
        if (StartsAt is null) problems.Add("startsAt", "Validation.Required");
        var place = (Place ?? "").Trim();
        if (place.Length == 0) problems.Add("place", "Validation.Required");
        if (place.Length > 200) problems.Add("place", "Validation.TooLong", 200);
        var members = (MemberIds ?? []).Distinct().ToList();
        if (members.Count == 0) problems.Add("memberIds", "Panel.MembersRequired");
        else
        {
            var known = await db.Experts.AsNoTracking().CountAsync(e => members.Contains(e.Id) && e.IsActive, ct);
            if (known != members.Count) problems.Add("memberIds", "Panel.UnknownExpert");
        }
        if (ChairId is { } chair && !members.Contains(chair)) problems.Add("chairId", "Panel.ChairNotMember");
        return problems;
    }

    public void ApplyTo(PanelMeeting m)
    {
        m.Title = Title!.Trim();
        m.Place = Place!.Trim();
        m.StartsAt = StartsAt!.Value.Kind == DateTimeKind.Utc ? StartsAt.Value : Shanghai.ToUtc(DateTime.SpecifyKind(StartsAt.Value, DateTimeKind.Unspecified));
        m.ChairExpertId = ChairId;
        var wanted = MemberIds!.Distinct().ToList();
        m.Members.RemoveAll(x => !wanted.Contains(x.ExpertId));
        foreach (var id in wanted.Where(id => m.Members.All(x => x.ExpertId != id)))
            m.Members.Add(new PanelMember { MeetingId = m.Id, ExpertId = id });
    }
}
