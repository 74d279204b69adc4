using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// One running dashboard and one headless Chromium shared by every browser test; each test gets its own
/// browser context (fresh cookies, storage and clipboard permission).
/// </summary>
public sealed class DashboardBrowserFixture : IAsyncLifetime
{
    /// <summary>The administrator every test starts signed in as, created on the first start's page.</summary>
    public const string AdminName = "Ada Admin";
    public const string AdminEmail = "ada@brazelite.test";
    public const string AdminPassword = "correct horse battery staple";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _adminSession;

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
        _adminSession = await CreateFirstAdministratorAsync();
    }

    /// <summary>
    /// What an operator does on a fresh install: opens the dashboard, is sent to "Create the first administrator",
    /// and fills it in. The session's cookies are kept for the tests that start signed in.
    /// </summary>
    private async Task<string> CreateFirstAdministratorAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App!.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create the first administrator" })).ToBeVisibleAsync();
            await page.GetByLabel("Your name").FillAsync(AdminName);
            await page.GetByLabel("Email").FillAsync(AdminEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
            await page.GetByLabel("Password again").FillAsync(AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator and sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            return await context.StorageStateAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A fresh page in its own context that may read and write the clipboard, signed in as the administrator.</summary>
    public Task<DashboardPage> NewPageAsync(string testName) => NewPageAsync(testName, signedIn: true);

    /// <summary>A fresh page in its own context; <paramref name="signedIn"/> false starts it with no session at all.</summary>
    public async Task<DashboardPage> NewPageAsync(string testName, bool signedIn)
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
            StorageState = signedIn ? _adminSession : null,
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
