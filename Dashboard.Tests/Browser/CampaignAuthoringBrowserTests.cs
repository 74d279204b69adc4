using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The end-to-end scenarios, acting as a marketer in a real browser against the real app.</summary>
[Collection(BrowserCollection.Name)]
public partial class CampaignAuthoringBrowserTests(DashboardBrowserFixture fixture)
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidV4();

    [SkippableFact]
    public async Task ApiCampaign_CreatedWithEmailSmsAndConversionEvent_CopiesItsCampaignIdToTheClipboard()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(ApiCampaign_CreatedWithEmailSmsAndConversionEvent_CopiesItsCampaignIdToTheClipboard));
        var page = session.Page;
        var name = $"Receipts {Guid.NewGuid():N}"[..20];

        await session.OpenAsync("/campaigns/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create API campaign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New API campaign" })).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Order receipts sent by the shop backend.");
        await session.ScreenshotAsync("details");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await AddChannelAsync(page, "Email");
        await AddChannelAsync(page, "SMS/MMS");
        var channels = page.GetByRole(AriaRole.List, new() { Name = "Added channels" });
        await Expect(channels.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Email message variation ID", new() { Exact = true })).ToHaveTextAsync(UuidV4());
        await Expect(page.GetByLabel("SMS/MMS message variation ID", new() { Exact = true })).ToHaveTextAsync(UuidV4());
        await session.ScreenshotAsync("channels");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add conversion event" }).ClickAsync();
        var conversion = page.GetByRole(AriaRole.Group, new() { Name = "Conversion event 1" });
        await ChooseAsync(page, conversion.GetByLabel("Event type"), "Performs Custom Event");
        await conversion.GetByLabel("Custom event name").FillAsync("order_completed");
        await session.ScreenshotAsync("conversion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Expect(page.GetByText("Everything is filled in correctly.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var shownId = page.GetByLabel("Campaign API identifier", new() { Exact = true });
        await Expect(shownId).ToHaveTextAsync(UuidV4());
        var campaignId = (await shownId.InnerTextAsync()).Trim();
        Assert.EndsWith("/campaigns/" + campaignId, page.Url);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Email", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "SMS/MMS", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Conversion events" }).GetByRole(AriaRole.Listitem))
            .ToContainTextAsync("custom event “order_completed”");
        await Expect(page.GetByLabel("JSON body", new() { Exact = true })).ToContainTextAsync($"\"campaign_id\": \"{campaignId}\"");
        await session.ScreenshotAsync("campaign-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy campaign ID", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Copied to the clipboard")).ToBeVisibleAsync();
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(campaignId, clipboard);
    }

    private static async Task AddChannelAsync(IPage page, string channel)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add channel" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = channel, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {channel}" })).ToBeVisibleAsync();
    }

    /// <summary>Opens a drop-down list by its label and picks an option by its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToContainTextAsync(option);
    }
}
