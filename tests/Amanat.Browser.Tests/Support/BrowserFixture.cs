using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Amanat.Browser.Tests.Support;

/// <summary>
/// Amanat on a real Kestrel port (SQLite in a fresh data directory), a "neutral site" for the quick exit
/// on another local port, and Debian's Chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "amanat-browser-tests", Guid.NewGuid().ToString("N"));
    private AmanatServer? amanat;
    private WebApplication? neutralSite;
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public Uri NeutralSite { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        neutralSite = await StartNeutralSiteAsync();
        NeutralSite = new Uri(neutralSite.Urls.First());

        MigratedTemplate.CopySqliteInto(dataDirectory);
        amanat = new AmanatServer(dataDirectory, new Uri(NeutralSite, "/weather").ToString());
        amanat.UseKestrel(0);
        amanat.StartServer();
        var address = amanat.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "localhost", StringComparison.Ordinal));

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (amanat is not null)
        {
            await amanat.DisposeAsync();
        }

        if (neutralSite is not null)
        {
            await neutralSite.DisposeAsync();
        }

        foreach (var folder in new[] { dataDirectory, dataDirectory + "-fresh" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A phone-sized browser context: 360 px wide, as on a cheap Android phone.</summary>
    public Task<IBrowserContext> PhoneAsync(bool javaScript = true, string locale = "ru-RU", Uri? baseAddress = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            JavaScriptEnabled = javaScript,
            Locale = locale,
            BaseURL = (baseAddress ?? BaseAddress).ToString(),
        });

    private static async Task<WebApplication> StartNeutralSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/weather", () => Results.Content("<!DOCTYPE html><html lang=\"en\"><title>Weather</title><h1>Weather today</h1></html>", "text/html"));
        site.MapGet("/start", () => Results.Content("<!DOCTYPE html><html lang=\"en\"><title>Start</title><h1>Some other page</h1></html>", "text/html"));
        await site.StartAsync();
        return site;
    }

    /// <summary>A second, fresh installation (its own data directory) for tests that need an empty one.</summary>
    public async Task<(AmanatServer Server, Uri BaseAddress)> StartFreshAsync()
    {
        var freshDirectory = Path.Combine(dataDirectory + "-fresh", Guid.NewGuid().ToString("N"));
        MigratedTemplate.CopySqliteInto(freshDirectory);
        var server = new AmanatServer(freshDirectory, new Uri(NeutralSite, "/weather").ToString());
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return await Task.FromResult((server, new Uri(address)));
    }

    public IServiceProvider Services => amanat!.Services;

    public sealed class AmanatServer(string dataDirectory, string quickExitUrl) : WebApplicationFactory<Program>
    {
        /// <summary>The server's clock: <see cref="TestClock.Start"/> until a test moves it on (a follow-up date passing).</summary>
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(TestClock.Start);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Amanat:DataDirectory", dataDirectory);
            builder.UseSetting("Amanat:QuickExitUrl", quickExitUrl);
            builder.UseSetting("Amanat:Shelter:Beds", "6");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Fewer PBKDF2 rounds for the staff passwords the tests set (no test is about the hash's cost); the production default stays.
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
