using System.Net;
using System.Net.Http.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class ApprovalPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);
    private static int nextYear = 2090;

    [Fact]
    public async Task An_approver_lands_on_its_meetings_and_approves_all_as_proposed_with_one_change_in_one_submit()
    {
        var round = await build.Round(Interlocked.Increment(ref nextYear));
        var approver = await build.Approver();
        var a = await build.ProposedApplication(round, Level.Excellent, title: "精益生产改进");
        var b = await build.ProposedApplication(round, Level.Advancing, title: "客户投诉闭环管理");
        var m = await build.ApprovalMeeting(round, [approver]);

        var client = app.NewClient();
        var signIn = await client.PostForm("/Account/SignIn", new { Input_Email = approver.Email, Input_Password = approver.Password });
        Assert.Equal("/Approver", signIn.Headers.Location!.OriginalString);
        var landing = await client.Html("/Approver");
        Assert.Contains($"/Approver/Meetings/{m.Id}", landing);
        var form = await client.Html($"/Approver/Meetings/{m.Id}");
        Assert.Contains("精益生产改进", form);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(form, "value=\"Approve\" checked=\"checked\"").Count);

        // The items come in list order (category, level highest first): a (Excellent) then b (Advancing).
        var response = await client.PostForm($"/Approver/Meetings/{m.Id}", new Dictionary<string, string>
        {
            ["Votes[0].ApplicationId"] = a.Id.ToString(), ["Votes[0].Choice"] = "Approve",
            ["Votes[1].ApplicationId"] = b.Id.ToString(), ["Votes[1].Choice"] = "ChangeLevel", ["Votes[1].Level"] = "Excellent",
            ["Votes[1].Reason"] = "成效显著，建议上调为优秀级",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var votes = await app.WithDb((db, _) => db.ApprovalVotes.AsNoTracking().Where(v => v.MeetingId == m.Id).ToDictionaryAsync(v => v.ApplicationId));
        Assert.Equal(VoteChoice.Approve, votes[a.Id].Choice);
        Assert.Equal((VoteChoice.ChangeLevel, (Level?)Level.Excellent), (votes[b.Id].Choice, votes[b.Id].Level));
        Assert.Contains("已记录 2 项表决", await client.Html($"/Approver/Meetings/{m.Id}"));

        // A change without a reason comes back on the form with the message beside the item, and nothing changes.
        response = await client.PostForm($"/Approver/Meetings/{m.Id}", new Dictionary<string, string>
        {
            ["Votes[0].ApplicationId"] = a.Id.ToString(), ["Votes[0].Choice"] = "Reject",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不同意或调整等级须填写理由。", await response.Content.ReadAsStringAsync());
        Assert.Equal(VoteChoice.Approve, await app.WithDb((db, _) => db.ApprovalVotes.Where(v => v.Id == votes[a.Id].Id).Select(v => v.Choice).SingleAsync()));
    }

    [Fact]
    public async Task The_secretariat_convenes_records_attendance_and_closes_through_the_pages()
    {
        var round = await build.Round(Interlocked.Increment(ref nextYear));
        var approvers = await build.Approvers(2);
        var a = await build.ProposedApplication(round, Level.Benchmark, title: "质量文化建设模式");
        var secretariat = await app.SignedIn(await build.Secretariat());
        var list = await secretariat.Html("/Secretariat/Approval");
        Assert.Contains("召开审定会议", list);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Year", round.Year.ToString()), new("Input.Title", $"{round.Year}年度审定会议"), new("Input.HeldAt", $"{round.Year}-11-20T14:00"),
            new("Input.Place", "协会会议室"), new("Input.QuorumNumerator", "2"), new("Input.QuorumDenominator", "3"),
            new("Input.MajorityNumerator", "1"), new("Input.MajorityDenominator", "2"),
        };
        fields.AddRange(approvers.Select(u => new KeyValuePair<string, string>("Input.Invited", u.Id.ToString())));
        var created = await secretariat.PostForm("/Secretariat/Approval", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(path.Split('/').Last());
        var meeting = await app.WithDb((db, _) => db.ApprovalMeetings.AsNoTracking().Include(x => x.Attendees).SingleAsync(x => x.Id == id));
        Assert.Equal(Shanghai.ToUtc(new DateTime(round.Year, 11, 20, 14, 0, 0)), meeting.HeldAt);
        Assert.Equal(2, meeting.Attendees.Count);

        var closeRefused = await secretariat.PostForm(path, new { Version = "0" }, path + "?handler=Close");
        Assert.Equal(HttpStatusCode.OK, closeRefused.StatusCode);
        Assert.Contains("未达法定人数", await closeRefused.Content.ReadAsStringAsync());

        var attendance = new List<KeyValuePair<string, string>> { new("Version", "0") };
        attendance.AddRange(approvers.Select(u => new KeyValuePair<string, string>("Present", u.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(path, attendance, path + "?handler=Attendance")).StatusCode);
        foreach (var u in approvers)
        {
            var api = await app.ApiClient(u);
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/approval-meetings/{id}/votes",
                new { votes = new[] { new { applicationId = a.Id, choice = "Approve" } } })).StatusCode);
        }
        var progress = await secretariat.Html(path);
        Assert.Contains("2 票", progress);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostForm(path, new { Version = "1" }, path + "?handler=Close")).StatusCode);
        var closed = await secretariat.Html(path);
        Assert.Contains("会议已结束：1 项审定通过，0 项未获审定。", closed);
        Assert.Contains($"/api/v1/approval-meetings/{id}/minutes.pdf", closed);
        Assert.Equal((Stage.Approved, (Level?)Level.Benchmark), ((await build.Reload(a.Id))!.Stage, (await build.Reload(a.Id))!.ApprovedLevel));
    }

    [Fact]
    public async Task Applicants_and_experts_cannot_open_the_approval_pages()
    {
        foreach (var user in new[] { await build.Applicant(), await build.Expert() })
        {
            var client = await app.SignedIn(user);
            foreach (var path in new[] { "/Approver", "/Secretariat/Approval" })
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("AccessDenied") == true,
                    $"{path}: {(int)response.StatusCode}");
            }
        }
    }
}
