// Diagnosis benchmarks: scoring one diagnosis (target < 5 ms) and the analytics handler over 20,000 stored
// diagnoses in a throw-away SQLite data directory (target < 500 ms). Run in Release:
//   dotnet run -c Release --project bench/Excellence.Bench [-- 20000]
// Assignment planner (AssignmentBench.cs): dotnet run -c Release --project bench/Excellence.Bench -- assignment
// Applications over HTTP (ApplicationsBench.cs):
//   dotnet run -c Release --project bench/Excellence.Bench -- applications [--postgres "<connection string>"]
// The secretariat's ranking (RankingBench.cs): dotnet run -c Release --project bench/Excellence.Bench -- ranking [2000]
// Scoring over HTTP (ScoringBench.cs): score-sheet saves/s and the expert queue's p95 with 50 experts:
//   dotnet run -c Release --project bench/Excellence.Bench -- scoring [--experts 50] [--per-expert 20] [--saves 4000]
using System.Diagnostics;
using System.Runtime.InteropServices;
using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Features.Diagnosis;
using Microsoft.EntityFrameworkCore;

string[] named = ["applications", "assignment", "ranking", "scoring"];
var count = args.Length > 0 && !named.Contains(args[0]) ? int.Parse(args[0]) : 20_000;
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {RuntimeInformation.OSDescription} · {RuntimeInformation.ProcessArchitecture} · " +
                  $"{Environment.ProcessorCount} cores · .NET {Environment.Version}");

if (args.Length > 0 && args[0] == "assignment")
{
    AssignmentBench.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "scoring")
{
    await ScoringBench.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "applications")
{
    await ApplicationsBench.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "ranking")
{
    await RankingBench.Run(args);
    return;
}

// 1. Scoring one diagnosis.
var system = DefaultIndicatorSystem.Create();
var random = new Random(1);
var answers = DiagnosisDemoData.RandomAnswers(system, random, 2);
for (var i = 0; i < 2_000; i++) Scoring.Score(system, answers); // warm-up
var samples = new List<double>();
for (var i = 0; i < 10_000; i++)
{
    var sw = Stopwatch.StartNew();
    Scoring.Score(system, answers);
    samples.Add(sw.Elapsed.TotalMilliseconds);
}
Bench.Report("scoring one diagnosis", samples, 5);

// 2. The analytics handler over many stored diagnoses.
var dir = Path.Combine(Path.GetTempPath(), "excellence-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
try
{
    var options = new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite($"Data Source={Path.Combine(dir, "bench.db")}").Options;
    await using (var db = new SqliteAppDb(options))
    {
        await db.Database.MigrateAsync();
        var v1 = new IndicatorSystem { Number = 1, Status = IndicatorSystemStatus.Published, Definition = system, CreatedAt = DateTime.UtcNow };
        db.IndicatorSystems.Add(v1);
        var orgs = Enumerable.Range(0, 2_000).Select(i => new Organization
        {
            Name = $"Bench {i}", CreditCode = $"BENCH{i:D13}", District = Reference.Districts[i % 16],
            Industry = (Industry)(i % 6), Scale = (OrganizationScale)(i % 3), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        db.Organizations.AddRange(orgs);
        await db.SaveChangesAsync();
        var seed = Stopwatch.StartNew();
        for (var batch = 0; batch < count; batch += 1_000)
        {
            for (var i = batch; i < Math.Min(count, batch + 1_000); i++)
            {
                var d = new Diagnosis
                {
                    OrganizationId = orgs[i % orgs.Count].Id, IndicatorSystemId = v1.Id, SystemNumber = 1,
                    Answers = DiagnosisDemoData.RandomAnswers(system, random, random.Next(0, 4)),
                };
                var at = DateTime.UtcNow.AddDays(-random.Next(0, 730));
                d.Submit(system, true, orgs[i % orgs.Count], at);
                db.Diagnoses.Add(d);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"seeded {count:N0} submitted diagnoses in {seed.Elapsed.TotalSeconds:0.0} s");
    }

    var actor = new Actor(Guid.NewGuid(), "bench", new HashSet<string> { Roles.Secretariat }, null, null);
    samples.Clear();
    for (var i = 0; i < 23; i++)
    {
        await using var db = new SqliteAppDb(options);
        var handler = new DiagnosisAnalytics.Handler(db);
        var sw = Stopwatch.StartNew();
        var result = await handler.Handle(actor);
        if (i >= 3) samples.Add(sw.Elapsed.TotalMilliseconds); // the first three warm up EF and SQLite
        if (result.Value!.Count != count) throw new InvalidOperationException("count");
    }
    Bench.Report($"analytics handler over {count:N0} diagnoses", samples, 500);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, true);
}

public static class Bench
{
    public static void Report(string name, List<double> ms, double target)
    {
        ms.Sort();
        double P(double q) => ms[(int)Math.Min(ms.Count - 1, Math.Floor(q * ms.Count))];
        Console.WriteLine($"{name}: p50 {P(0.50):0.000} ms · p95 {P(0.95):0.000} ms · max {ms[^1]:0.000} ms " +
                          $"(n={ms.Count}, target < {target} ms: {(P(0.95) < target ? "met" : "NOT met")})");
    }
}
