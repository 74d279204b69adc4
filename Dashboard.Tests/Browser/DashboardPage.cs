using System.Text;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A Playwright page on the running dashboard that knows when Blazor's circuit has taken over.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public static readonly string ScreenshotDirectory = Path.Combine(Path.GetTempPath(), "brazelite-browser");

    private readonly IBrowserContext _context;
    private readonly DashboardApp _app;
    private readonly string _testName;
    private TaskCompletionSource _circuitRendered = NewSignal();
    private int _screenshots;

    public DashboardPage(IBrowserContext context, IPage page, DashboardApp app, string testName)
    {
        _context = context;
        _app = app;
        _testName = testName;
        Page = page;
        // The server render is static until the circuit's first render batch has been applied, so clicks
        // before that are lost. The client acknowledges an applied batch with OnRenderCompleted.
        Page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }
            socket.FrameSent += (_, frame) =>
            {
                var text = frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
                if (text.Contains("OnRenderCompleted", StringComparison.Ordinal))
                {
                    _circuitRendered.TrySetResult();
                }
            };
        };
    }

    public IPage Page { get; }

    /// <summary>Loads <paramref name="path"/> and waits until the page is interactive.</summary>
    public async Task OpenAsync(string path)
    {
        _circuitRendered = NewSignal();
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>Waits for the circuit started by the last full page load to render.</summary>
    public async Task WaitForInteractiveAsync()
    {
        try
        {
            await _circuitRendered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("not-interactive");
            throw new TimeoutException(
                $"{Page.Url} did not become interactive (no Blazor circuit render within 20 s). App output:\n{_app.Output}");
        }
    }

    /// <summary>Opens an admin page from the main navigation's Settings menu.</summary>
    public async Task OpenSettingsAsync(string item)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync();
    }

    /// <summary>Signs in on the sign-in page (opening it first unless it is showing), and waits for the page it leads to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        if (!Page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/account/login");
        }
        _circuitRendered = NewSignal();
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Clicks the tab named <paramref name="name"/> and waits for it to be the selected one (one click is enough).</summary>
    public async Task SelectTabAsync(string name)
    {
        var tab = Page.GetByRole(AriaRole.Tab, new() { Name = name });
        await tab.ClickAsync();
        await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>Saves a full-page screenshot under the temp directory and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{_testName}-{++_screenshots:00}-{step}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Keeps a last screenshot, which shows where a failed scenario stopped, then closes the context.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ScreenshotAsync("last");
        }
        catch (PlaywrightException)
        {
        }
        await _context.CloseAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
