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

    [SkippableFact]
    public async Task ApiTriggeredCampaign_WithTwoVariantsAndControlGroup_LaunchesStopsAndArchives()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(ApiTriggeredCampaign_WithTwoVariantsAndControlGroup_LaunchesStopsAndArchives));
        var page = session.Page;
        var name = $"Shipped {Guid.NewGuid():N}"[..20];

        await session.OpenAsync("/campaigns/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create API-triggered campaign", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New API-triggered campaign" })).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Transactional" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await AddChannelAsync(page, "SMS/MMS");
        await UseSimpleEditorAsync(page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" }));
        await page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 1" }).GetByLabel("SMS body")
            .FillAsync("Your order {{api_trigger_properties.${order_id}}} has shipped.");
        await session.ScreenshotAsync("variant-1-message");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // The variants step renders every channel's copy; on a machine busy with the rest of the suite that has taken
        // longer than the default wait once, so this step gets a longer one.
        var addVariant = page.GetByRole(AriaRole.Button, new() { Name = "Add variant" });
        await Expect(addVariant).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await addVariant.ClickAsync();
        var variant2 = page.GetByRole(AriaRole.Group, new() { Name = "Variant 2" });
        await Expect(variant2.GetByLabel("Variant 2 SMS/MMS message variation ID", new() { Exact = true })).ToHaveTextAsync(UuidV4());
        await page.GetByRole(AriaRole.Switch, new() { Name = "Control group" }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Variant 1" }).GetByLabel("Percentage").FillAsync("45");
        await variant2.GetByLabel("Percentage").FillAsync("45");
        await page.GetByLabel("Control percentage").FillAsync("10");
        await Expect(page.GetByText("Total: 100%")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Control group variation ID", new() { Exact = true })).ToHaveTextAsync(UuidV4());
        await session.ScreenshotAsync("variants");

        // Variant 2 starts with variant 1's copy, and the variants step says so with a way to write its own.
        await Expect(variant2.GetByRole(AriaRole.Note)).ToContainTextAsync("Variant 2 still has the same copy as Variant 1");
        await variant2.GetByRole(AriaRole.Button, new() { Name = "Write Variant 2's copy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Variant 2" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 2" }).GetByLabel("SMS body"))
            .ToHaveValueAsync("Your order {{api_trigger_properties.${order_id}}} has shipped.");
        await page.GetByRole(AriaRole.Region, new() { Name = "SMS/MMS message, Variant 2" }).GetByLabel("SMS body")
            .FillAsync("Good news: order {{api_trigger_properties.${order_id}}} is on its way.");
        await session.ScreenshotAsync("variant-2-message");

        await session.SelectTabAsync("Review");
        await Expect(page.GetByText("Everything is filled in correctly.")).ToBeVisibleAsync();
        var variantsRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Variants" }) });
        await Expect(variantsRow).ToContainTextAsync("Variant 1 45%, Variant 2 45%, control group 10%");
        await session.ScreenshotAsync("review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await ExpectStatusAsync(page, "Active");
        var campaignId = (await page.GetByLabel("Campaign API identifier", new() { Exact = true }).InnerTextAsync()).Trim();
        Assert.Matches(UuidV4(), campaignId);
        await Expect(RowStartingWith(page, "Variant 1")).ToContainTextAsync("45%");
        await Expect(RowStartingWith(page, "Variant 2")).ToContainTextAsync("45%");
        await Expect(RowStartingWith(page, "Control group")).ToContainTextAsync("10%");
        var request = page.GetByLabel("JSON body", new() { Exact = true });
        await Expect(request).ToContainTextAsync($"\"campaign_id\": \"{campaignId}\"");
        await Expect(request).ToContainTextAsync("\"order_id\"");
        await Expect(page.GetByLabel("cURL request", new() { Exact = true })).ToContainTextAsync("/campaigns/trigger/send");
        await Expect(page.GetByLabel("cURL request", new() { Exact = true })).ToContainTextAsync(campaignId);
        await session.ScreenshotAsync("launched");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("nothing is sent for it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop campaign", Exact = true }).ClickAsync();
        await ExpectStatusAsync(page, "Stopped");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true })).ToBeVisibleAsync();
        await session.ScreenshotAsync("stopped");

        await page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive campaign", Exact = true }).ClickAsync();
        await ExpectStatusAsync(page, "Archived");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unarchive", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true })).ToHaveCountAsync(0);
        // The history says who did each step, newest first.
        var history = page.GetByRole(AriaRole.Region, new() { Name = "History", Exact = true });
        var steps = history.GetByRole(AriaRole.Row);
        await Expect(steps.Nth(1)).ToContainTextAsync("Archived");
        await Expect(steps.Nth(2)).ToContainTextAsync("Stopped");
        await Expect(steps.Nth(3)).ToContainTextAsync("Launched");
        await Expect(steps.Nth(3)).ToContainTextAsync(DashboardBrowserFixture.AdminName);
        await Expect(steps.Last).ToContainTextAsync("Created");
        await session.ScreenshotAsync("archived");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await page.GetByText("Show archived", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("archived=true"));
        await page.GetByLabel("Search by name, tag or campaign ID").FillAsync(campaignId);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await Expect(row).ToContainTextAsync("Archived");
        await Expect(row).ToContainTextAsync("API-triggered");
        // The search by campaign ID leaves the heading row and this campaign's row only.
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await session.ScreenshotAsync("list");
    }

    [SkippableFact]
    public async Task Campaign_SavedFromTwoTabs_RefusesTheStaleSaveAndKeepsTheFirst()
    {
        BrowserRequirement.Require();
        const string test = nameof(Campaign_SavedFromTwoTabs_RefusesTheStaleSaveAndKeepsTheFirst);
        await using var first = await fixture.NewPageAsync(test + "-tab1");
        await using var second = await fixture.NewPageAsync(test + "-tab2");
        var name = $"Alerts {Guid.NewGuid():N}"[..20];

        await first.OpenAsync("/campaigns/new/api");
        await first.Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await AddChannelAsync(first.Page, "Email");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(first.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var campaignId = (await first.Page.GetByLabel("Campaign API identifier", new() { Exact = true }).InnerTextAsync()).Trim();

        var editPath = $"/campaigns/{campaignId}/edit";
        await first.OpenAsync(editPath);
        await second.OpenAsync(editPath);
        await first.Page.GetByLabel("Description", new() { Exact = true }).FillAsync("Written in the first tab.");
        await second.Page.GetByLabel("Description", new() { Exact = true }).FillAsync("Written in the second tab.");

        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(first.Page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Written in the first tab." })).ToBeVisibleAsync();

        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(second.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed by someone else meanwhile");
        await Expect(second.Page.GetByRole(AriaRole.Button, new() { Name = "Reload" })).ToBeVisibleAsync();
        await Expect(second.Page.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync("Written in the second tab.");
        await second.ScreenshotAsync("conflict");

        await second.OpenAsync($"/campaigns/{campaignId}");
        await Expect(second.Page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Written in the first tab." })).ToBeVisibleAsync();
        await Expect(second.Page.GetByText("Written in the second tab.")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Editor_ReloadWithUnsavedChanges_TheBrowserAsksBeforeLeaving()
    {
        BrowserRequirement.Require();
        await using var session = await fixture.NewPageAsync(nameof(Editor_ReloadWithUnsavedChanges_TheBrowserAsksBeforeLeaving));
        var page = session.Page;
        await session.OpenAsync("/campaigns/new/api");
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync(); // stay on the page
        };

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Not saved yet");
        await page.GetByLabel("Description", new() { Exact = true }).ClickAsync();
        _ = page.ReloadAsync();

        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Not saved yet");
    }

    /// <summary>The row of the variants table (the results table below it has rows per variant too) starting with the cell.</summary>
    private static ILocator RowStartingWith(IPage page, string firstCell) =>
        page.GetByLabel("Variants and their message variation IDs")
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = firstCell }).First });

    // The status chip by the heading; the history further down names past statuses too.
    private static async Task ExpectStatusAsync(IPage page, string status) =>
        await Expect(page.GetByText(status, new() { Exact = true }).First).ToBeVisibleAsync();

    /// <summary>Switches template bodies from the code editor to the simple editor, plain text areas (for the rest of the visit).</summary>
    private static async Task UseSimpleEditorAsync(ILocator message) =>
        await message.GetByRole(AriaRole.Button, new() { Name = "Simple editor" }).ClickAsync();

    internal static async Task AddChannelAsync(IPage page, string channel)
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
