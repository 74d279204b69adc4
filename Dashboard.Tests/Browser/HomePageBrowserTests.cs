using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class HomePageBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task HomePage_Opened_ShowsStyledHeadingAndConnectsCircuit()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(HomePage_Opened_ShowsStyledHeadingAndConnectsCircuit));
        var page = session.Page;

        var response = await page.GotoAsync("/");
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / answered {response.Status}");
        await session.WaitForInteractiveAsync();

        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("BrazeLite"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Exact = true }).First).ToBeVisibleAsync();
        // MudBlazor's stylesheet styles the app bar; unstyled it would be a static, transparent block.
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCSSAsync("position", "fixed");
        await session.ScreenshotAsync("home");
    }
}
