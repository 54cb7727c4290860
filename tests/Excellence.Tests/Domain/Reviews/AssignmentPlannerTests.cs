using CsCheck;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Reviews;

namespace Excellence.Tests.Domain.Reviews;

/// <summary>The automatic assignment over thousands of generated worlds: safety, coverage, balance, determinism.</summary>
public class AssignmentPlannerTests
{
    /// <summary>A random world: experts with domains and availability, applications, conflicts, existing assignments.</summary>
    public sealed record World(PlanInput Input, int ConflictPercent, bool HasExisting);

    private static World MakeWorld(int worldSeed, int experts, int apps, int conflictPercent, int unavailablePercent, int perApplication,
        bool existing, int planSeed)
    {
        var r = new Random(worldSeed);
        var categories = Enum.GetValues<Category>();
        var industries = Enum.GetValues<Industry>();
        var sectors = Reference.Sectors.Order().ToArray();
        var pool = Enumerable.Range(0, experts).Select(i => new PlanExpert(
            new Guid(i + 1, 0, 0, new byte[8]),
            categories.Where(_ => r.Next(2) == 0).ToHashSet(),
            industries.Where(_ => r.Next(3) == 0).ToHashSet(),
            sectors.Where(_ => r.Next(8) == 0).ToHashSet(),
            r.Next(100) >= unavailablePercent)).ToList();
        var applications = Enumerable.Range(0, apps).Select(i => new PlanApplication(
            new Guid(0, (short)(i + 1), 0, new byte[8]), categories[r.Next(categories.Length)], industries[r.Next(industries.Length)],
            [sectors[r.Next(sectors.Length)]])).ToList();
        var blocked = new HashSet<(Guid, Guid)>();
        foreach (var a in applications)
            foreach (var e in pool)
                if (r.Next(100) < conflictPercent) blocked.Add((a.Id, e.Id));
        var kept = new List<(Guid, Guid)>();
        if (existing)
            foreach (var a in applications)
            {
                var candidate = pool[r.Next(pool.Count)];
                if (r.Next(3) == 0 && candidate.Eligible && !blocked.Contains((a.Id, candidate.Id))) kept.Add((a.Id, candidate.Id));
            }
        return new World(new PlanInput(pool, applications, blocked, kept, perApplication, planSeed), conflictPercent, existing);
    }

    private static readonly Gen<World> Worlds =
        Gen.Select(Gen.Int, Gen.Int[1, 25], Gen.Int[0, 30], Gen.Int[0, 40], Gen.Int[0, 30], Gen.Int[1, 5], Gen.Bool, Gen.Int)
            .Select((ws, e, a, c, u, n, ex, s) => MakeWorld(ws, e, a, c, u, n, ex, s));

    private static Dictionary<Guid, List<Guid>> ByApplication(PlanInput input, PlanResult plan) =>
        input.Applications.ToDictionary(a => a.Id, a =>
            input.Existing.Where(x => x.ApplicationId == a.Id).Select(x => x.ExpertId)
                .Concat(plan.Added.Where(p => p.ApplicationId == a.Id).Select(p => p.ExpertId)).ToList());

    [Fact]
    public void No_conflicted_or_unavailable_expert_is_ever_assigned()
    {
        Worlds.Sample(w =>
        {
            var plan = AssignmentPlanner.Plan(w.Input);
            var eligible = w.Input.Experts.Where(e => e.Eligible).Select(e => e.Id).ToHashSet();
            return plan.Added.All(p => !w.Input.Blocked.Contains((p.ApplicationId, p.ExpertId)) && eligible.Contains(p.ExpertId));
        }, iter: 2000);
    }

    [Fact]
    public void Each_application_gets_the_smaller_of_n_and_its_eligible_experts_and_never_one_expert_twice()
    {
        Worlds.Sample(w =>
        {
            var plan = AssignmentPlanner.Plan(w.Input);
            var by = ByApplication(w.Input, plan);
            return w.Input.Applications.All(a =>
            {
                var eligible = w.Input.Experts.Count(e => e.Eligible && !w.Input.Blocked.Contains((a.Id, e.Id)));
                var have = by[a.Id];
                var existing = w.Input.Existing.Count(x => x.ApplicationId == a.Id);
                var coverage = plan.Coverage.Single(c => c.ApplicationId == a.Id);
                return have.Count == have.Distinct().Count()
                    && have.Count == Math.Max(existing, Math.Min(w.Input.PerApplication, eligible))
                    && coverage.Assigned == have.Count && coverage.Covered == (have.Count >= w.Input.PerApplication)
                    && (coverage.Covered || coverage.Reason == ShortReason.NotEnoughEligibleExperts);
            });
        }, iter: 2000);
    }

    [Fact]
    public void Existing_assignments_are_kept_and_not_added_again()
    {
        Worlds.Sample(w =>
        {
            var plan = AssignmentPlanner.Plan(w.Input);
            var existing = w.Input.Existing.ToHashSet();
            return plan.Added.All(p => !existing.Contains((p.ApplicationId, p.ExpertId)))
                && existing.All(x => plan.Load[x.ExpertId] >= 1);
        }, iter: 1000);
    }

    [Fact]
    public void Load_is_balanced_within_one_when_every_expert_may_review_every_application()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 40], Gen.Int[0, 80], Gen.Int[1, 5], Gen.Int)
            .Select((ws, e, a, n, s) => MakeWorld(ws, e, a, 0, 0, n, false, s))
            .Sample(w =>
            {
                var plan = AssignmentPlanner.Plan(w.Input);
                return plan.Load.Values.Max() - plan.Load.Values.Min() <= 1;
            }, iter: 2000);
    }

    [Fact]
    public void Load_stays_balanced_within_one_with_sparse_conflicts_in_a_large_pool()
    {
        Gen.Select(Gen.Int, Gen.Int[30, 60], Gen.Int[50, 150], Gen.Int[2, 4], Gen.Int)
            .Select((ws, e, a, n, s) => MakeWorld(ws, e, a, 5, 0, n, false, s))
            .Sample(w =>
            {
                var plan = AssignmentPlanner.Plan(w.Input);
                return plan.Load.Values.Max() - plan.Load.Values.Min() <= 1;
            }, iter: 300);
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_different_seeds_usually_differ()
    {
        Worlds.Sample(w =>
        {
            var a = AssignmentPlanner.Plan(w.Input);
            var b = AssignmentPlanner.Plan(w.Input);
            return a.Added.SequenceEqual(b.Added);
        }, iter: 1000);

        var differ = 0;
        for (var i = 0; i < 50; i++)
        {
            var w = MakeWorld(i, 20, 20, 5, 0, 3, false, 1);
            var other = w.Input with { Seed = 2 + i };
            var one = AssignmentPlanner.Plan(w.Input).Added.Select(p => (p.ApplicationId, p.ExpertId)).ToHashSet();
            var two = AssignmentPlanner.Plan(other).Added.Select(p => (p.ApplicationId, p.ExpertId)).ToHashSet();
            if (!one.SetEquals(two)) differ++;
        }
        Assert.True(differ >= 45, $"only {differ} of 50 seed pairs gave different plans");
    }

    [Fact]
    public void A_matching_expert_is_preferred_when_the_load_is_equal()
    {
        var app = new PlanApplication(Guid.NewGuid(), Category.SinglePractice, Industry.Manufacturing, ["Automotive"]);
        var match = new PlanExpert(Guid.NewGuid(), new HashSet<Category> { Category.SinglePractice }, new HashSet<Industry> { Industry.Manufacturing },
            new HashSet<string> { "Automotive" });
        var others = Enumerable.Range(0, 5).Select(_ => new PlanExpert(Guid.NewGuid(), new HashSet<Category> { Category.OrganizationModel },
            new HashSet<Industry>(), new HashSet<string>())).ToList();
        for (var seed = 0; seed < 20; seed++)
        {
            var plan = AssignmentPlanner.Plan(new PlanInput([.. others, match], [app], new HashSet<(Guid, Guid)>(), [], 1, seed));
            Assert.Equal(match.Id, Assert.Single(plan.Added).ExpertId);
            Assert.Equal(1.0, plan.DomainMatchRate);
        }
    }

    [Fact]
    public void An_application_short_of_eligible_experts_says_how_many_were_conflicted_and_unavailable()
    {
        var app = new PlanApplication(Guid.NewGuid(), Category.OrganizationModel, null, []);
        var free = new PlanExpert(Guid.NewGuid(), new HashSet<Category>(), new HashSet<Industry>(), new HashSet<string>());
        var conflicted = free with { Id = Guid.NewGuid() };
        var away = free with { Id = Guid.NewGuid(), Eligible = false };
        var plan = AssignmentPlanner.Plan(new PlanInput([free, conflicted, away], [app], new HashSet<(Guid, Guid)> { (app.Id, conflicted.Id) }, [], 3, 7));
        var c = Assert.Single(plan.Coverage);
        Assert.Equal((3, 1, 1, 1, 1, ShortReason.NotEnoughEligibleExperts), (c.Required, c.Assigned, c.Eligible, c.Conflicted, c.Unavailable, c.Reason));
        Assert.Equal(free.Id, Assert.Single(plan.Added).ExpertId);
    }
}
