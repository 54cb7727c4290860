// Applications benchmarks over HTTP on loopback: the real application on Kestrel (in-process, the test
// suite's AppFactory with a throw-away data directory and database), 50 concurrent applicants, each an
// organisation with its own bearer token.
//   1. Autosave: PUT /api/v1/applications/{id} with If-Match, an 8,000-字 report. Target p95 < 50 ms.
//   2. Submission: upload a 30 KB PDF (multipart 'file'), then POST …/submit. Target p95 < 300 ms, ≥ 200/s.
// SQLite by default; --postgres "<server connection string>" runs the same on PostgreSQL (a database of its
// own is created on that server and dropped afterwards).
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Excellence.Tests.Support;
using Excellence.Web.Domain.Applications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

static class ApplicationsBench
{
    const int Applicants = 50;
    const int Saves = 2_000;          // 40 per applicant
    const int DraftsPerApplicant = 40; // 2,000 submissions
    static readonly TimeSpan PhaseLimit = TimeSpan.FromMinutes(5);

    public static async Task Run(string[] args)
    {
        var database = BenchHost.SelectDatabase(args);
        Console.WriteLine($"applications on {database}, {Applicants} concurrent applicants, Kestrel on loopback");
        var (app, baseUrl) = BenchHost.Start();
        using var _ = app;
        var build = new Build(app);

        var seed = Stopwatch.StartNew();
        await build.OpenRound();
        var unit = await build.Recommender();
        var report = Report8000();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var people = new List<(string Token, Guid Draft, List<Guid> ToSubmit)>();
        for (var i = 0; i < Applicants; i++)
        {
            var org = await build.Organization();
            var user = await build.Applicant(org);
            var draft = await build.Application(org, unit);
            var toSubmit = new List<Guid>();
            for (var j = 0; j < DraftsPerApplicant * (i == 0 ? 2 : 1); j++)
                toSubmit.Add((await build.Application(org, unit, customise: a => a.Content = report)).Id);
            var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
            token.EnsureSuccessStatusCode();
            people.Add(((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!, draft.Id, toSubmit));
        }
        Console.WriteLine($"seeded {Applicants} organisations, applicants and tokens, {people.Sum(p => p.ToSubmit.Count + 1):N0} drafts in {seed.Elapsed.TotalSeconds:0.0} s");

        HttpRequestMessage Req(HttpMethod method, string path, string token, HttpContent? content = null)
        {
            var r = new HttpRequestMessage(method, path) { Content = content };
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            r.Headers.AcceptLanguage.ParseAdd("zh-CN");
            return r;
        }

        // Warm-up: one save and one GET per applicant (JIT, EF model, connection pools).
        var versions = new int[Applicants];
        await Parallel.ForEachAsync(Enumerable.Range(0, Applicants), async (i, _) =>
        {
            using var r = await http.SendAsync(Put(Req(HttpMethod.Put, $"/api/v1/applications/{people[i].Draft}", people[i].Token), 0, unit.Id, "暖机"));
            if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"warm-up save: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            versions[i] = int.Parse(r.Headers.ETag!.Tag.Trim('"'));
        });

        // Service time without contention: one applicant alone, 200 saves one after another.
        var alone = new List<double>();
        for (var n = 0; n < 200; n++)
        {
            var sw = Stopwatch.StartNew();
            using var r = await http.SendAsync(Put(Req(HttpMethod.Put, $"/api/v1/applications/{people[0].Draft}", people[0].Token), versions[0], unit.Id, report));
            alone.Add(sw.Elapsed.TotalMilliseconds);
            if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"save alone: {(int)r.StatusCode}");
            versions[0] = int.Parse(r.Headers.ETag!.Tag.Trim('"'));
        }
        Bench.Report("autosave, one applicant alone (service time)", alone, 50);

        // 1a. Autosave at the editor's cadence: the form saves every 5 s while dirty (data-autosave-seconds), so
        // 50 applicants typing at once send about 10 saves/s. Each applicant saves every 5 s from a random offset, 60 s.
        var paced = new List<double>();
        var pacedFailures = 0;
        var pacedRandom = new Random(2026);
        var offsets = Enumerable.Range(0, Applicants).Select(_ => pacedRandom.Next(0, 5000)).ToArray();
        var pacedEnd = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        await Task.WhenAll(Enumerable.Range(0, Applicants).Select(i => Task.Run(async () =>
        {
            await Task.Delay(offsets[i]);
            var next = DateTime.UtcNow;
            while (next < pacedEnd)
            {
                var sw = Stopwatch.StartNew();
                using var r = await http.SendAsync(Put(Req(HttpMethod.Put, $"/api/v1/applications/{people[i].Draft}", people[i].Token), versions[i], unit.Id, report));
                var ms = sw.Elapsed.TotalMilliseconds;
                if (r.StatusCode == HttpStatusCode.OK) versions[i] = int.Parse(r.Headers.ETag!.Tag.Trim('"'));
                else Interlocked.Increment(ref pacedFailures);
                lock (paced) paced.Add(ms);
                next += TimeSpan.FromSeconds(5);
                var wait = next - DateTime.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
        })));
        Bench.Report("autosave, 50 applicants each saving every 5 s (the editor's cadence)", paced, 50);
        Console.WriteLine($"  {paced.Count:N0} saves in 60 s, failures {pacedFailures}");

        // 1b. Autosave saturated: 50 clients saving back to back (no pause), the worst case.
        var saveMs = new List<double>();
        var saveFailures = 0;
        var deadline = DateTime.UtcNow + PhaseLimit;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Applicants).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < Saves / Applicants && DateTime.UtcNow < deadline; n++)
            {
                var sw = Stopwatch.StartNew();
                using var r = await http.SendAsync(Put(Req(HttpMethod.Put, $"/api/v1/applications/{people[i].Draft}", people[i].Token), versions[i], unit.Id, report));
                var ms = sw.Elapsed.TotalMilliseconds;
                if (r.StatusCode == HttpStatusCode.OK) versions[i] = int.Parse(r.Headers.ETag!.Tag.Trim('"'));
                else Interlocked.Increment(ref saveFailures);
                lock (saveMs) saveMs.Add(ms);
            }
        })));
        var saveWall = wall.Elapsed.TotalSeconds;
        Bench.Report("autosave saturated (PUT back to back, 8,000-字 report)", saveMs, 50);
        Console.WriteLine($"  {saveMs.Count:N0} saves in {saveWall:0.0} s = {saveMs.Count / saveWall:0} saves/s, failures {saveFailures}");

        // 2. Submission: upload a 30 KB PDF, then submit. First one applicant alone (service time), 40 drafts.
        var pdf = Pdf30K();
        MultipartFormDataContent Evidence()
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "证明材料.pdf");
            return form;
        }
        var aloneUpload = new List<double>();
        var aloneSubmit = new List<double>();
        foreach (var id in people[0].ToSubmit.Skip(DraftsPerApplicant).ToList())
        {
            var sw = Stopwatch.StartNew();
            using var up = await http.SendAsync(Req(HttpMethod.Post, $"/api/v1/applications/{id}/evidence", people[0].Token, Evidence()));
            aloneUpload.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            using var sub = await http.SendAsync(Req(HttpMethod.Post, $"/api/v1/applications/{id}/submit", people[0].Token));
            aloneSubmit.Add(sw.Elapsed.TotalMilliseconds);
            if (up.StatusCode != HttpStatusCode.Created || sub.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"alone: {(int)up.StatusCode} {(int)sub.StatusCode}");
        }
        people[0].ToSubmit.RemoveRange(DraftsPerApplicant, DraftsPerApplicant);
        Bench.Report("evidence upload, one applicant alone", aloneUpload, 300);
        Bench.Report("submission, one applicant alone", aloneSubmit, 300);

        var uploadMs = new List<double>();
        var submitMs = new List<double>();
        var failures = 0;
        string? firstFailure = null;
        deadline = DateTime.UtcNow + PhaseLimit;
        wall.Restart();
        await Task.WhenAll(Enumerable.Range(0, Applicants).Select(i => Task.Run(async () =>
        {
            foreach (var id in people[i].ToSubmit)
            {
                if (DateTime.UtcNow >= deadline) break;
                var form = Evidence();
                var sw = Stopwatch.StartNew();
                using var up = await http.SendAsync(Req(HttpMethod.Post, $"/api/v1/applications/{id}/evidence", people[i].Token, form));
                lock (uploadMs) uploadMs.Add(sw.Elapsed.TotalMilliseconds);
                if (up.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                    firstFailure ??= $"upload {(int)up.StatusCode} {await up.Content.ReadAsStringAsync()}";
                    continue;
                }
                sw.Restart();
                using var sub = await http.SendAsync(Req(HttpMethod.Post, $"/api/v1/applications/{id}/submit", people[i].Token));
                lock (submitMs) submitMs.Add(sw.Elapsed.TotalMilliseconds);
                if (sub.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    firstFailure ??= $"submit {(int)sub.StatusCode} {await sub.Content.ReadAsStringAsync()}";
                }
            }
        })));
        var subWall = wall.Elapsed.TotalSeconds;
        var submitted = submitMs.Count - failures;
        Bench.Report("evidence upload (30 KB PDF)", uploadMs, 300);
        Bench.Report("submission (POST submit)", submitMs, 300);
        var rate = submitted / subWall;
        Console.WriteLine($"  {submitted:N0} submitted (each after its upload) in {subWall:0.0} s = {rate:0} submissions/s " +
                          $"(target ≥ 200/s: {(rate >= 200 ? "met" : "NOT met")}), failures {failures}{(firstFailure is null ? "" : " — first: " + firstFailure)}");
        var stored = await app.WithDb<int>(async (db, _) => await Task.FromResult(db.Applications.Count(a => a.ReceiptNumber != null)));
        Console.WriteLine($"  applications with a receipt number in the database: {stored:N0}");

        // 3. The printable PDF of a full application (8,000-字 report, evidence list), one request at a time.
        var printable = new List<double>();
        var full = people[1].ToSubmit[0];
        for (var n = 0; n < 30; n++)
        {
            var sw = Stopwatch.StartNew();
            using var r = await http.SendAsync(Req(HttpMethod.Get, $"/api/v1/applications/{full}/form.pdf", people[1].Token));
            var bytes = await r.Content.ReadAsByteArrayAsync();
            printable.Add(sw.Elapsed.TotalMilliseconds);
            if (r.StatusCode != HttpStatusCode.OK || bytes.Length < 10_000) throw new InvalidOperationException($"form.pdf: {(int)r.StatusCode}, {bytes.Length} bytes");
        }
        Bench.Report("printable form PDF of a full application (GET form.pdf)", printable.Skip(3).ToList(), 1000);
    }

    static HttpRequestMessage Put(HttpRequestMessage r, int version, Guid recommender, string content)
    {
        r.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        r.Content = JsonContent.Create(new
        {
            qualityActivities = new[] { new { name = "QC小组活动", result = "优秀" } },
            awards = Array.Empty<object>(),
            report = new { title = "数字化质量管控模式", overview = "组织概述。", content, effectiveness = "管理成效。" },
            eligibility = new[] { "Article5.2", "Article5.3", "Article5.4", "Article5.5", "Article5.6" }.Select(c => new { condition = c, met = (bool?)true }),
            recommenderId = recommender,
            ownUnitOpinion = "同意推荐。",
        });
        return r;
    }

    /// <summary>8,000 Chinese characters (the organisation-model report's content limit), varied text.</summary>
    static string Report8000()
    {
        const string text = "本单位以顾客为关注焦点坚持全面质量管理持续改进创新管理模式提升组织绩效建立数字化质量管控体系实现全员全过程全方位的质量提升";
        var sb = new StringBuilder();
        while (sb.Length < 8_000) sb.Append(text);
        return sb.ToString(0, 8_000);
    }

    /// <summary>A well-formed 30 KB PDF (catalog, one page, a 30 KB content stream, no active content).</summary>
    static byte[] Pdf30K()
    {
        var body = new StringBuilder();
        while (body.Length < 30_000) body.Append("0 0 m 100 100 l S\n");
        var s = body.ToString();
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
                  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n" +
                  $"4 0 obj<</Length {s.Length}>>stream\n{s}endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(pdf);
    }
}
