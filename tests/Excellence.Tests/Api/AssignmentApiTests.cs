using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Api;

/// <summary>Assignment through /api/v1: manual (conflicts refused), automatic, the witnessed draw, recusal, authorisation.</summary>
public class AssignmentApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task A_manual_assignment_of_an_expert_from_the_applicants_organisation_is_refused_with_the_reason_and_nothing_is_written()
    {
        var org = await build.Organization();
        var application = await build.ApplicationInReview(org);
        var conflicted = await build.PoolExpert(e => { e.OrganizationName = org.Name; e.OrganizationCreditCode = org.CreditCode; e.Name = "冲突专家"; });
        var free = await build.PoolExpert();
        var client = await app.ApiClient(await build.Secretariat());
        var auditBefore = await build.AuditCount();

        var response = await client.PostAsJsonAsync($"/api/v1/applications/{application.Id}/assignments", new { expertIds = new[] { free.Id, conflicted.Id } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("Assignments.Conflicted", body.GetProperty("code").GetString());
        Assert.Contains("冲突专家", body.GetProperty("title").GetString());
        Assert.Empty(await build.AssignmentsOf(application.Id));
        Assert.Equal(auditBefore, await build.AuditCount());
    }

    [Fact]
    public async Task A_manual_assignment_writes_the_rows_and_their_audit_entries_and_the_secretariat_sees_them()
    {
        var application = await build.ApplicationInReview();
        var a = await build.PoolExpert();
        var b = await build.PoolExpert();
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.PostAsJsonAsync($"/api/v1/applications/{application.Id}/assignments", new { expertIds = new[] { a.Id, b.Id } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await build.AssignmentsOf(application.Id);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), rows.Select(r => r.ExpertId).Order());
        Assert.All(rows, r => Assert.Equal((AssignmentStatus.Active, AssignmentSource.Manual), (r.Status, r.Source)));
        var ids = rows.Select(r => r.Id.ToString()).ToList();
        var audited = await app.WithDb<int>(async (db, _) => await db.AuditEvents.CountAsync(e => e.Action == "Assignments.Manual" && ids.Contains(e.RecordId)));
        Assert.Equal(2, audited);

        var list = await (await client.GetAsync($"/api/v1/applications/{application.Id}/assignments")).Json();
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        Assert.Equal(3, list.GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task The_assigned_expert_recuses_itself_the_secretariat_is_told_by_mail_and_another_expert_gets_404()
    {
        var application = await build.ApplicationInReview();
        var (user, expert) = await build.ExpertWithAccount();
        var (otherUser, _) = await build.ExpertWithAccount();
        var secretariat = await build.Secretariat();
        var staff = await app.ApiClient(secretariat);
        var assigned = await staff.PostAsJsonAsync($"/api/v1/applications/{application.Id}/assignments", new { expertIds = new[] { expert.Id } });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var assignmentId = (await build.AssignmentsOf(application.Id)).Single().Id;

        var other = await app.ApiClient(otherUser);
        var refused = await other.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/conflict", new { reason = "不相干" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(AssignmentStatus.Active, (await build.AssignmentsOf(application.Id)).Single().Status);

        var mine = await app.ApiClient(user);
        var noReason = await mine.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/conflict", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var response = await mine.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/conflict", new { reason = "三年前曾为该单位提供咨询" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = (await build.AssignmentsOf(application.Id)).Single();
        Assert.Equal((AssignmentStatus.Recused, "三年前曾为该单位提供咨询"), (row.Status, row.RecusalReason));
        var conflict = await app.WithDb<Conflict?>(async (db, _) => await db.Conflicts.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == application.Id));
        Assert.Equal((expert.Id, ConflictKind.Declared), (conflict!.ExpertId, conflict.Kind));
        var audited = await app.WithDb<List<string>>(async (db, _) => await db.AuditEvents.Where(e => e.Action == "Assignments.Recused").Select(e => e.RecordType).ToListAsync());
        Assert.Contains("Assignment", audited);
        Assert.Contains("Conflict", audited);
        var mail = Build.LastMailTo(app, secretariat.Email);
        Assert.Contains(expert.Name, mail.Subject);
        Assert.Contains("三年前曾为该单位提供咨询", mail.TextBody);

        // Recused twice: refused, and the expert can no longer be assigned manually.
        var again = await mine.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/conflict", new { reason = "再次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var reassign = await staff.PostAsJsonAsync($"/api/v1/applications/{application.Id}/assignments", new { expertIds = new[] { expert.Id } });
        Assert.Equal(HttpStatusCode.Conflict, reassign.StatusCode);
    }

    [Fact]
    public async Task Automatic_assignment_covers_each_application_keeps_conflicted_experts_out_and_reports_load()
    {
        const int year = 2031;
        var org = await build.Organization();
        var apps = new List<Guid>();
        for (var i = 0; i < 4; i++) apps.Add((await build.ApplicationInReview(i == 0 ? org : null, year: year)).Id);
        var conflicted = await build.PoolExpert(e => e.Affiliations = [new Affiliation(org.Name, null, AffiliationKind.Consulting, 2024, null)]);
        var pool = new List<Expert> { conflicted };
        for (var i = 0; i < 3; i++) pool.Add(await build.PoolExpert());
        var client = await app.ApiClient(await build.Secretariat());

        var response = await client.PostAsJsonAsync($"/api/v1/rounds/{year}/assignments/auto", new { seed = 42 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Json();
        Assert.Equal(4, report.GetProperty("applications").GetInt32());
        Assert.Equal(42, report.GetProperty("seed").GetInt32());
        var firstRows = await build.AssignmentsOf(apps[0]);
        Assert.Equal(3, firstRows.Count);
        Assert.DoesNotContain(firstRows, r => r.ExpertId == conflicted.Id);
        foreach (var id in apps.Skip(1)) Assert.Equal(3, (await build.AssignmentsOf(id)).Count);
        var loads = report.GetProperty("load").EnumerateArray().Select(l => l.GetProperty("load").GetInt32()).ToList();
        Assert.Equal(12, loads.Sum());
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));

        // Run again: everything is covered already, nothing is added.
        var again = await (await client.PostAsJsonAsync($"/api/v1/rounds/{year}/assignments/auto", new { seed = 7 })).Json();
        Assert.Equal(0, again.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task A_draw_needs_witnesses_and_records_its_seed_and_result_in_the_audit_log()
    {
        const int year = 2032;
        var app1 = await build.ApplicationInReview(year: year);
        for (var i = 0; i < 4; i++) await build.PoolExpert();
        var client = await app.ApiClient(await build.Secretariat());

        var noWitness = await client.PostAsJsonAsync($"/api/v1/rounds/{year}/assignments/draw", new { witnesses = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, noWitness.StatusCode);
        Assert.Empty(await build.AssignmentsOf(app1.Id));

        var response = await client.PostAsJsonAsync($"/api/v1/rounds/{year}/assignments/draw", new { witnesses = new[] { "张监督", "李见证" }, perApplication = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Json();
        var seed = report.GetProperty("seed").GetInt32();
        var rows = await build.AssignmentsOf(app1.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(AssignmentSource.Draw, r.Source));
        var entry = await app.WithDb<AuditEvent>(async (db, _) =>
            await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "Assignments.Drawn" && e.RecordType == "Round"));
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(seed, after.RootElement.GetProperty("Seed").GetInt32());
        Assert.Equal(["张监督", "李见证"], after.RootElement.GetProperty("Witnesses").EnumerateArray().Select(w => w.GetString()!).ToArray());
        var recorded = after.RootElement.GetProperty("Added").EnumerateArray().Select(x => x.GetProperty("ExpertId").GetGuid()).Order().ToList();
        Assert.Equal(rows.Select(r => r.ExpertId).Order().ToList(), recorded);
    }

    [Fact]
    public async Task Only_the_secretariat_manages_experts_and_assignments()
    {
        var application = await build.ApplicationInReview();
        var expert = await build.PoolExpert();
        var (expertUser, _) = await build.ExpertWithAccount();
        foreach (var user in new[] { expertUser, await build.Applicant() })
        {
            var client = await app.ApiClient(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/experts")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/experts/export")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/applications/{application.Id}/assignments")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostAsJsonAsync($"/api/v1/applications/{application.Id}/assignments", new { expertIds = new[] { expert.Id } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/rounds/2026/assignments/auto", new { })).StatusCode);
        }
        Assert.Empty(await build.AssignmentsOf(application.Id));
    }
}
