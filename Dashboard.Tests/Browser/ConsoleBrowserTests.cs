using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The dashboard's own code leaves the browser console clean over a whole authoring flow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task Editor_MovingBetweenStepsAndVariants_LogsNoWarningOrError()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Editor_MovingBetweenStepsAndVariants_LogsNoWarningOrError));
        var page = session.Page;
        var logged = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (logged) logged.Add($"{message.Type}: {message.Text}");
            }
        };
        await session.OpenAsync("/campaigns/new/api-triggered");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Console {Guid.NewGuid():N}"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add channel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "SMS/MMS", Exact = true }).ClickAsync();
        await Expect(page.Locator(".template-code-editor").First).ToBeVisibleAsync();

        await session.SelectTabAsync("Variants");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variant" }).ClickAsync();
        for (var round = 0; round < 3; round++)
        {
            await session.SelectTabAsync("Channels");
            await session.SelectTabAsync("Variant 2");
            await Expect(page.Locator(".template-code-editor").First).ToBeVisibleAsync();
            await session.SelectTabAsync("Variant 1");
            await Expect(page.Locator(".template-code-editor").First).ToBeVisibleAsync();
            await session.SelectTabAsync("Variants");
        }
        // The simple editor and back: each code editor goes with its component.
        await session.SelectTabAsync("Channels");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simple editor" }).First.ClickAsync();
        await session.SelectTabAsync("Variants");
        await session.SelectTabAsync("Channels");
        await page.WaitForTimeoutAsync(500);

        string[] seen;
        lock (logged) seen = [.. logged];
        Assert.True(seen.Length == 0, "the console shows:\n" + string.Join("\n", seen));
    }
}
