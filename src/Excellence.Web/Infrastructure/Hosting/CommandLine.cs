using Excellence.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Excellence.Web.Infrastructure.Hosting;

/// <summary>
/// The verbs of the executable. Without a verb it serves the site; <c>--demo</c> seeds demo data first;
/// <c>seed-demo</c> only seeds; <c>verify-audit</c> checks the audit chain and exits 0 (intact) or 1 (broken).
/// </summary>
public sealed class CommandLine
{
    public string? Verb { get; private init; }
    public bool Demo { get; private init; }
    public string[] HostArgs { get; private init; } = [];

    private static readonly HashSet<string> Verbs = ["seed-demo", "verify-audit", "migrate"];

    public static CommandLine Parse(string[] args)
    {
        var verb = args.FirstOrDefault(a => Verbs.Contains(a));
        var demo = args.Contains("--demo");
        // "--demo" has no value; left in, the configuration parser would swallow the next argument as its value.
        var rest = args.Where(a => a != "--demo" && a != verb).ToArray();
        return new CommandLine { Verb = verb, Demo = demo || verb == "seed-demo", HostArgs = rest };
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        if (Demo) await DemoData.SeedAsync(app.Services);

        switch (Verb)
        {
            case "verify-audit":
                return await Features.Audit.AuditVerification.RunAsync(app.Services, Console.Out);
            case "seed-demo":
                Console.WriteLine("Demo data is in place.");
                return 0;
            case "migrate":
                Console.WriteLine("The database schema is up to date.");
                return 0;
        }

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<IOptions<ExcellenceOptions>>().Value;
        Console.WriteLine();
        Console.WriteLine("卓越管理创新成果评价平台 is running:");
        foreach (var address in addresses) Console.WriteLine($"  {address}");
        Console.WriteLine($"  data directory: {options.DataPath()}  database: {options.DatabaseProvider}");
        if (Demo)
        {
            Console.WriteLine($"Demo accounts (password {DemoData.Password}, no two-factor):");
            foreach (var (email, role) in DemoData.Accounts) Console.WriteLine($"  {email,-26} {role}");
        }
        Console.WriteLine("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
