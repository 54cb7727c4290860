using Excellence.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Excellence.BrowserTests;

/// <summary>
/// The application on a real Kestrel port (in-process, so the clock and builders still work) and
/// Debian's Chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright playwright = null!;

    public static string ArtefactDirectory { get; } =
        Path.GetFullPath(Environment.GetEnvironmentVariable("EXCELLENCE_ARTEFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artefacts"));

    public async Task InitializeAsync()
    {
        App.With("PublicBaseUrl", "http://127.0.0.1");
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ArtefactDirectory);
    }

    /// <summary>A fresh browser context (own cookies) at a laptop or phone size, in zh-CN.</summary>
    public async Task<IPage> NewPage(int width = 1366, int height = 768, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            BaseURL = BaseUrl,
            TimezoneId = "Asia/Shanghai",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new List<string>();
        page.Console += (_, msg) => { if (msg.Type == "error") errors.Add(msg.Text); };
        pageErrors[page] = errors;
        return page;
    }

    private readonly Dictionary<IPage, List<string>> pageErrors = new();

    /// <summary>Console errors the page logged (a CSP violation shows up here).</summary>
    public IReadOnlyList<string> ConsoleErrors(IPage page) => pageErrors.TryGetValue(page, out var e) ? e : [];

    public static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactDirectory, name + ".png"), FullPage = true });

    /// <summary>Runs axe-core (vendored from npm) and returns the serious and critical violations.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolations(IPage page)
    {
        // Served by the site itself (vendored from npm), so the strict CSP allows it.
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/lib/axe-core/axe.min.js" });
        var result = await page.EvaluateAsync<string[]>(
            @"async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))");
        return result;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
        App.Dispose();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
