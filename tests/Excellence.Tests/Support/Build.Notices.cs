using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Support;

public sealed partial class Build
{
    private static int approvedCounter;

    /// <summary>An application the approval meeting passed (审定通过), written straight to the database.</summary>
    public async Task<Application> Approved(Organization? organization = null, Level level = Level.Excellent, bool consent = true,
        Category category = Category.OrganizationModel, string? title = null)
    {
        organization ??= await Organization();
        var n = Interlocked.Increment(ref approvedCounter);
        return await Application(organization, category: category, customise: a =>
        {
            a.Stage = Stage.Approved;
            a.ApprovedLevel = level;
            a.ConsentToPublish = consent;
            a.Title = title ?? $"质量管理创新成果{n}";
            a.ReceiptNumber = $"T{a.Year}-{Guid.NewGuid().ToString("N")[..10]}";
            a.SubmittedAt = App.Clock.GetUtcNow().UtcDateTime.AddDays(-60);
            if (a.Nominee is not null) a.Nominee.Name = "李申报";
        });
    }

    /// <summary>A notice of the given applications from <paramref name="start"/>, as publishing leaves it (applications in 公示中).</summary>
    public async Task<PublicNotice> Notice(DateOnly start, params Application[] applications)
    {
        var round = await OpenRound();
        var notice = new PublicNotice
        {
            RoundId = round.Id, Year = round.Year, StartDate = start, Contact = "021-12345678",
            CreatedAt = App.Clock.GetUtcNow().UtcDateTime, CreatedByName = "builder",
        };
        for (var i = 0; i < applications.Length; i++)
            notice.Items.Add(new PublicNoticeItem { NoticeId = notice.Id, ApplicationId = applications[i].Id, Position = i + 1 });
        await App.WithDb(async db =>
        {
            db.PublicNotices.Add(notice);
            var ids = applications.Select(a => a.Id).ToList();
            foreach (var a in await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync()) a.Stage = Stage.PublicNotice;
            await db.SaveChangesAsync();
        });
        return notice;
    }
}
