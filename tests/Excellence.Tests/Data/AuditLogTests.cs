using System.Diagnostics;
using Excellence.Tests.Support;
using Excellence.Web.Data;
using Excellence.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Data;

public class AuditLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Saving_an_audited_entity_appends_a_linked_entry_in_the_same_save()
    {
        var before = await app.WithDb((db, _) => db.AuditEvents.CountAsync());
        var round = await new Build(app).Round(2040);
        var entries = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordType == "Round" && e.RecordId == round.Id.ToString()).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Round.Created", entry.Action);
        Assert.Null(entry.Before);
        Assert.Contains("\"Year\":2040", entry.After);
        Assert.Equal(before + 1, await app.WithDb((db, _) => db.AuditEvents.CountAsync()));
        Assert.Null(await app.WithDb((db, _) => AuditVerification.VerifyAsync(db)));
    }

    [Fact]
    public async Task An_update_records_only_what_changed_before_and_after_with_the_reason()
    {
        var round = await new Build(app).Round(2041);
        await app.WithDb<bool>(async (db, sp) =>
        {
            sp.GetRequiredService<AuditRecorder>().Describe("Round.Edited", "deadline extended by the secretariat");
            var r = await db.Rounds.SingleAsync(x => x.Id == round.Id);
            r.ContactPerson = "新联系人";
            await db.SaveChangesAsync();
            return true;
        });
        var entry = await app.WithDb((db, _) => db.AuditEvents.Where(e => e.RecordId == round.Id.ToString()).OrderBy(e => e.Seq).LastAsync());
        Assert.Equal("Round.Edited", entry.Action);
        Assert.Equal("deadline extended by the secretariat", entry.Reason);
        Assert.Equal("{\"ContactPerson\":\"联系人\"}", entry.Before);
        Assert.Equal("{\"ContactPerson\":\"新联系人\"}", entry.After);
    }

    [Fact]
    public async Task Ciphertexts_never_reach_the_log()
    {
        var org = await new Build(app).Organization();
        var entry = await app.WithDb((db, _) => db.AuditEvents.SingleAsync(e => e.RecordId == org.Id.ToString()));
        Assert.Contains("\"ContactMobileCipher\":\"***\"", entry.After);
    }

    [Fact]
    public async Task Concurrent_saves_never_fork_the_chain()
    {
        var build = new Build(app);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => build.Recommender(name: $"并发推荐单位{i}")));
        Assert.Null(await app.WithDb((db, _) => AuditVerification.VerifyAsync(db)));
        var seqs = await app.WithDb((db, _) => db.AuditEvents.OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
    }
}

/// <summary>Tampering is done with raw SQL, as an attacker with database access would.</summary>
public class AuditTamperingTests : IDisposable
{
    private readonly AppFactory app = new();

    private async Task<long> SeedThree()
    {
        var build = new Build(app);
        await build.Recommender(name: "甲");
        await build.Recommender(name: "乙");
        await build.Recommender(name: "丙");
        return await app.WithDb((db, _) => db.AuditEvents.MaxAsync(e => e.Seq));
    }

    [Fact]
    public async Task A_changed_row_is_named()
    {
        var last = await SeedThree();
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync($"UPDATE \"AuditEvents\" SET \"ActorName\" = 'someone else' WHERE \"Seq\" = {last - 1}"));
        Assert.Equal(last - 1, (await app.WithDb((db, _) => AuditVerification.VerifyAsync(db)))!.Seq);
    }

    [Fact]
    public async Task A_deleted_row_is_found()
    {
        var last = await SeedThree();
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync($"DELETE FROM \"AuditEvents\" WHERE \"Seq\" = {last - 1}"));
        Assert.Equal(last, (await app.WithDb((db, _) => AuditVerification.VerifyAsync(db)))!.Seq);
    }

    [Fact]
    public async Task Reordered_rows_are_found()
    {
        var last = await SeedThree();
        await app.WithDb(async db =>
        {
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"AuditEvents\" SET \"Seq\" = -1 WHERE \"Seq\" = {last - 1}");
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"AuditEvents\" SET \"Seq\" = {last - 1} WHERE \"Seq\" = {last}");
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"AuditEvents\" SET \"Seq\" = {last} WHERE \"Seq\" = -1");
        });
        Assert.Equal(last - 1, (await app.WithDb((db, _) => AuditVerification.VerifyAsync(db)))!.Seq);
    }

    [Fact]
    public async Task The_verify_audit_command_exits_non_zero_and_names_the_entry()
    {
        var last = await SeedThree();
        var exe = typeof(Program).Assembly.Location;
        var intact = await RunCommand(exe);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains($"Audit log intact: {last} entries verified.", intact.Output);

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Reason\" = 'rewritten' WHERE \"Seq\" = 2"));
        var broken = await RunCommand(exe);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Audit log BROKEN at entry #2", broken.Output);
    }

    private async Task<(int ExitCode, string Output)> RunCommand(string exe)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { exe, "verify-audit", "--DataDirectory", app.DataDirectory, "--Logging:LogLevel:Default", "Warning",
                     "--Database:Provider", TestDatabase.Provider })
            start.ArgumentList.Add(a);
        if (app.PostgresConnection is not null)
        {
            start.ArgumentList.Add("--ConnectionStrings:Postgres");
            start.ArgumentList.Add(app.PostgresConnection);
        }
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output + await p.StandardError.ReadToEndAsync());
    }

    public void Dispose() => app.Dispose();
}
