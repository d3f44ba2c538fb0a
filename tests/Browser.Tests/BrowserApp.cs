using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Tianshan.Browser.Tests;

/// <summary>The real host on a real socket (SQLite, demo seeded) and Debian's Chromium driven by Playwright.
/// Browsers are never downloaded: Playwright launches /usr/bin/chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Pass-2026!";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tianshan-browser-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The embedded broker's port (a free one).</summary>
    public int MqttPort { get; } = FreePort();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Tianshan", $"Data Source={_file}");
            b.UseSetting("TIANSHAN_DEMO_PASSWORD", DemoPassword);
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.UseSetting("Monitoring:DemoFeed", "false");
            b.UseSetting("Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Publishes a gateway batch to the embedded broker with the real MQTT client (mosquitto_pub, QoS 1), logged in
    /// as the enterprise's gateway.</summary>
    public async Task PublishAsync(string enterpriseCode, string payload, string clientId)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("mosquitto_pub")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-h", "127.0.0.1", "-p", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", enterpriseCode, "-P", DemoPassword,
                "-q", "1", "-i", clientId, "-t", $"tianshan/{enterpriseCode}/batch", "-m", payload,
            },
        };
        using var publish = System.Diagnostics.Process.Start(psi)!;
        var output = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, output);
    }

    public async Task<IPage> LoggedInPageAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // Under load (web tests on the same cores) the login page itself has taken longer than the 30 s default.
        await page.GotoAsync("/login", new() { Timeout = 90_000 });
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("#login-submit");
        // The first login of a run also warms the host (the home page's map, the Blazor circuit) while the web tests run
        // beside it on the same cores: give it more than the 30 s default, which a loaded CI machine once exceeded.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        return page;
    }

    /// <summary>Saves a screenshot when TIANSHAN_SCREENSHOTS names a folder (for looking at pages, not for asserting).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TIANSHAN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}

[CollectionDefinition(Name)]
public sealed class WithBrowser : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
