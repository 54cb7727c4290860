// Assignment planner benchmark: AssignmentPlanner.Plan over 2,000 applications × 300 experts with 5 % of the pairs
// conflicted, 10 % of the experts unavailable, N = 3 (target < 2 s). Pure, no database.
//   dotnet run -c Release --project bench/Excellence.Bench -- assignment [applications experts]
using System.Diagnostics;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;

static class AssignmentBench
{
    public static void Run(string[] args)
    {
        var apps = args.Length > 1 ? int.Parse(args[1]) : 2_000;
        var experts = args.Length > 2 ? int.Parse(args[2]) : 300;
        var input = World(apps, experts, new Random(2026));
        Console.WriteLine($"assignment planner: {apps:N0} applications × {experts} experts, {input.Blocked.Count:N0} conflicted pairs, N = 3");
        AssignmentPlanner.Plan(input with { Seed = 0 }); // warm-up
        var samples = new List<double>();
        PlanResult? last = null;
        for (var i = 0; i < 10; i++)
        {
            var sw = Stopwatch.StartNew();
            last = AssignmentPlanner.Plan(input with { Seed = i + 1 });
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        Bench.Report("plan", samples, 2_000);
        var loads = last!.Load.Values.Where((_, i) => input.Experts[i].Eligible).ToList();
        Console.WriteLine($"covered {last.FullyCovered:N0}/{apps:N0}, load {loads.Min()}–{loads.Max()}, domain match {last.DomainMatchRate:P1}");
    }

    private static PlanInput World(int apps, int experts, Random r)
    {
        var categories = Enum.GetValues<Category>();
        var industries = Enum.GetValues<Industry>();
        var sectors = Reference.Sectors.Order().ToArray();
        var pool = Enumerable.Range(0, experts).Select(_ => new PlanExpert(Guid.NewGuid(),
            categories.Where(_ => r.Next(2) == 0).ToHashSet(), industries.Where(_ => r.Next(3) == 0).ToHashSet(),
            sectors.Where(_ => r.Next(6) == 0).ToHashSet(), r.Next(10) != 0)).ToList();
        var applications = Enumerable.Range(0, apps).Select(_ => new PlanApplication(Guid.NewGuid(), categories[r.Next(3)],
            industries[r.Next(industries.Length)], [sectors[r.Next(sectors.Length)]])).ToList();
        var blocked = new HashSet<(Guid, Guid)>();
        foreach (var a in applications)
            foreach (var e in pool)
                if (r.Next(100) < 5) blocked.Add((a.Id, e.Id));
        return new PlanInput(pool, applications, blocked, [], 3, 1);
    }
}
