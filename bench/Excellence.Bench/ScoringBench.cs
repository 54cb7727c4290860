// Scoring benchmarks over HTTP on loopback (the test suite's AppFactory on Kestrel, throw-away data directory):
//   1. Score-sheet saves: PUT /api/v1/assignments/{id}/review with If-Match, 50 concurrent experts. Target ≥ 500 saves/s on SQLite.
//   2. The expert's queue: GET /api/v1/assignments, 50 concurrent experts each with 20 assignments. Target p95 < 50 ms.
//   dotnet run -c Release --project bench/Excellence.Bench -- scoring [--experts 50] [--per-expert 20] [--saves 4000] [--postgres "<cs>"]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Excellence.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

static class ScoringBench
{
    static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v) : fallback;

    public static async Task Run(string[] args)
    {
        var experts = Arg(args, "--experts", 50);
        var perExpert = Arg(args, "--per-expert", 20);
        var saves = Arg(args, "--saves", 4_000);
        var database = BenchHost.SelectDatabase(args);
        Console.WriteLine($"scoring on {database}, {experts} concurrent experts × {perExpert} assignments, {saves} saves");
        var (app, baseUrl) = BenchHost.Start();
        using var _ = app;
        var build = new Build(app);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        var seed = Stopwatch.StartNew();
        var people = new List<(string Token, List<Guid> Assignments)>();
        for (var i = 0; i < experts; i++)
        {
            var (user, expert) = await build.ReviewExpert();
            var list = new List<Guid>();
            for (var j = 0; j < perExpert; j++)
                list.Add((await build.Assignment(await build.ApplicationInPreliminaryReview(), expert)).Id);
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
            token.EnsureSuccessStatusCode();
            people.Add(((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!, list));
        }
        Console.WriteLine($"seeded {experts} experts, {experts * perExpert:N0} assignments in {seed.Elapsed.TotalSeconds:0.0} s");

        HttpRequestMessage Req(HttpMethod method, string path, string token, HttpContent? content = null, int? ifMatch = null)
        {
            var r = new HttpRequestMessage(method, path) { Content = content };
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (ifMatch is { } v) r.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
            return r;
        }
        string[] codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3"];
        object Sheet(int n) => new
        {
            scores = codes.Select((c, k) => new { code = c, bandPercent = (n + k) % 21 * 5, comment = $"评语 {c}：做法系统，数据较完整。" }),
            strengths = "质量管理体系完整，方法系统。", opportunities = "结果对比不足。",
        };

        // 1. Saves: each expert saves its sheets in turn, versions tracked per assignment.
        var versions = new ConcurrentDictionary<Guid, int>();
        var failures = 0;
        var latencies = new ConcurrentBag<double>();
        var perPerson = Math.Max(1, saves / experts);
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = experts }, async (p, _) =>
        {
            for (var n = 0; n < perPerson; n++)
            {
                var id = p.Assignments[n % p.Assignments.Count];
                var version = versions.GetValueOrDefault(id);
                var sw = Stopwatch.StartNew();
                using var response = await http.SendAsync(Req(HttpMethod.Put, $"/api/v1/assignments/{id}/review", p.Token, JsonContent.Create(Sheet(n)), version));
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                if (response.IsSuccessStatusCode) versions[id] = version + 1;
                else Interlocked.Increment(ref failures);
            }
        });
        var total = perPerson * experts;
        Console.WriteLine($"score-sheet saves: {total / wall.Elapsed.TotalSeconds:0} saves/s over {total} saves, {failures} failed " +
                          $"(target ≥ 500/s on SQLite: {(total / wall.Elapsed.TotalSeconds >= 500 ? "met" : "NOT met")})");
        Bench.Report("score-sheet save latency", latencies.ToList(), 100);

        // 2. The queue, 50 concurrent experts, 10 reads each.
        var queue = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = experts }, async (p, _) =>
        {
            for (var n = 0; n < 10; n++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.SendAsync(Req(HttpMethod.Get, "/api/v1/assignments", p.Token));
                response.EnsureSuccessStatusCode();
                queue.Add(sw.Elapsed.TotalMilliseconds);
            }
        });
        Bench.Report("expert queue (GET /assignments)", queue.ToList(), 50);
    }
}
