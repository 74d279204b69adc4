using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// One running dashboard and one headless Chromium shared by every browser test; each test gets its own
/// browser context (fresh cookies, storage and clipboard permission).
/// </summary>
public sealed class DashboardBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardApp? App { get; private set; }

    public async Task InitializeAsync()
    {
        if (!BrowserRequirement.ChromiumAvailable)
        {
            return;
        }
        App = await DashboardApp.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirement.ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
            ],
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>A fresh page in its own context that may read and write the clipboard.</summary>
    public async Task<DashboardPage> NewPageAsync(string testName)
    {
        BrowserRequirement.Require();
        if (_browser is null || App is null)
        {
            throw new InvalidOperationException("The browser fixture did not start.");
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Permissions = ["clipboard-read", "clipboard-write"],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        // Bounded waits: a broken page fails within seconds instead of hanging the run.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, App, testName);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DashboardBrowserFixture>
{
    public const string Name = "Browser";
}
