// Ranking benchmark: the secretariat's ranking of one category (GetRankings: one query for the sheets with their
// Scores JSON, aggregation in memory) over N applications × 5 submitted sheets × 15 criteria, on SQLite through the
// suite's AppFactory (a throw-away data directory). Target p95 < 200 ms at 2,000 applications.
//   dotnet run -c Release --project bench/Excellence.Bench -- ranking [2000]
using System.Diagnostics;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Features.Ranking;
using Microsoft.Extensions.DependencyInjection;

static class RankingBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1]) : 2_000;
        Console.WriteLine($"ranking on SQLite: {count:N0} applications × 5 sheets × 15 criteria");
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        using var app = new AppFactory();
        app.With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        var build = new Build(app);
        var seed = Stopwatch.StartNew();
        var round = await build.Round(2030);
        var rubric = Build.RubricA(round);
        var experts = Enumerable.Range(0, 25).Select(i => new Expert { Name = $"专家{i}", OrganizationName = $"单位{i}", Email = $"e{i}@bench.local" }).ToList();
        await app.WithDb(async db =>
        {
            db.Rubrics.Add(rubric);
            db.Experts.AddRange(experts);
            await db.SaveChangesAsync();
        });
        var random = new Random(7);
        var now = DateTime.UtcNow;
        for (var batch = 0; batch < count; batch += 250)
        {
            await app.WithDb(async db =>
            {
                for (var i = batch; i < Math.Min(count, batch + 250); i++)
                {
                    var org = new Organization { Name = $"Bench {i}", CreditCode = $"BENCH{i:D13}", District = "310115", CreatedAt = now, UpdatedAt = now };
                    db.Organizations.Add(org);
                    var a = new Application
                    {
                        RoundId = round.Id, Year = 2030, Category = Category.OrganizationModel, OrganizationId = org.Id, Stage = Stage.PreliminaryReview,
                        ReceiptNumber = $"B{i:D6}", Title = $"成果 {i}", CreatedAt = now, UpdatedAt = now,
                    };
                    db.Applications.Add(a);
                    var level = random.Next(40, 96);
                    foreach (var e in experts.OrderBy(_ => random.Next()).Take(5))
                    {
                        var assignment = new Assignment
                        {
                            ApplicationId = a.Id, ExpertId = e.Id, RoundId = round.Id, Year = 2030, Category = Category.OrganizationModel, AssignedAt = now,
                        };
                        db.Assignments.Add(assignment);
                        var scores = rubric.Criteria.Select(c => new CriterionScore(c.Code, Math.Clamp(level + random.Next(-15, 16), 0, 100) / 5 * 5, "评语")).ToList();
                        db.Reviews.Add(new Review
                        {
                            AssignmentId = assignment.Id, ApplicationId = a.Id, ExpertId = e.Id, RubricId = rubric.Id, Status = ReviewStatus.Submitted,
                            Scores = scores, Total = rubric.Criteria.Sum(c => c.MaxPoints * scores.Single(s => s.Code == c.Code).BandPercent!.Value / 100m),
                            UpdatedAt = now, SubmittedAt = now,
                        });
                    }
                }
                await db.SaveChangesAsync();
            });
        }
        Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:0.0} s");

        var actor = new Actor(Guid.NewGuid(), "bench", new HashSet<string> { Roles.Secretariat }, null, null);
        var samples = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<GetRankings.Handler>();
            var sw = Stopwatch.StartNew();
            var result = await handler.HandleAsync(actor, new GetRankings.Query(2030, Category.OrganizationModel));
            if (i >= 3) samples.Add(sw.Elapsed.TotalMilliseconds); // the first three warm up EF and SQLite
            if (result.Value!.Rows.Count != count) throw new InvalidOperationException("count");
        }
        Bench.Report($"ranking of {count:N0} applications (query + aggregation)", samples, 200);
    }
}
