using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Domain.Rounds;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    private static int receiptCounter;

    /// <summary>
    /// An application of <paramref name="round"/> already in stage Proposed (as the panel or site visit leaves it),
    /// with its proposed level and preliminary score, and the StageChange of the Propose move from <paramref name="from"/>.
    /// </summary>
    public async Task<Application> ProposedApplication(Round round, Level? level, decimal score = 85m, Category category = Category.OrganizationModel,
        Stage from = Stage.PanelReview, string? title = null)
    {
        var org = await Organization();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var n = Interlocked.Increment(ref receiptCounter);
        var a = new Application
        {
            RoundId = round.Id, Year = round.Year, Category = category, OrganizationId = org.Id, Stage = Stage.Proposed,
            ReceiptNumber = $"{round.Year}-{(int)category + 1:D2}-{n:D4}", Title = title ?? $"审定测试成果{n}",
            CreatedAt = now, UpdatedAt = now, UpdatedByName = "builder", SubmittedAt = now,
            ProposedLevel = level, PreliminaryScore = score,
            Nominee = category == Category.IndividualExperience ? new Nominee { Name = $"申报人{n}" } : null,
        };
        await App.WithDb(async db =>
        {
            db.Applications.Add(a);
            db.StageChanges.Add(new StageChange
            {
                ApplicationId = a.Id, From = from, To = Stage.Proposed, Move = Move.Propose, At = now, ByName = "builder",
            });
            await db.SaveChangesAsync();
        });
        return a;
    }

    /// <summary>An open approval meeting of the round with the approvers invited; those in <paramref name="present"/> present.</summary>
    public async Task<ApprovalMeeting> ApprovalMeeting(Round round, IReadOnlyList<TestUser> invited, IReadOnlyList<TestUser>? present = null,
        Action<ApprovalMeeting>? customise = null)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var m = new ApprovalMeeting
        {
            RoundId = round.Id, Year = round.Year, Title = $"{round.Year}年度卓越管理创新成果审定会议", Place = "上海市质量协会第一会议室",
            HeldAt = now, CreatedAt = now, UpdatedAt = now,
        };
        m.Attendees = invited.Select(u => new ApprovalAttendee
        {
            MeetingId = m.Id, UserId = u.Id, Name = u.Email.Split('@')[0], Present = present?.Any(p => p.Id == u.Id) ?? true,
        }).ToList();
        customise?.Invoke(m);
        await App.WithDb(async db => { db.ApprovalMeetings.Add(m); await db.SaveChangesAsync(); });
        return m;
    }

    /// <summary>Several approver accounts.</summary>
    public async Task<List<TestUser>> Approvers(int count)
    {
        var list = new List<TestUser>();
        for (var i = 0; i < count; i++) list.Add(await Approver());
        return list;
    }
}
