using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Delivery as a newcomer meets it after `dotnet run`: no channel configured, so a triggered campaign's email lands in the
/// Test inbox, rendered for its recipient; and a test sent from the editor lands there too, marked as a test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveryBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task TriggerOverHttp_NoChannelConfigured_TheRenderedEmailIsInTheTestInbox()
    {
        BrowserRequirement.Require();
        var app = fixture.App!;
        var campaignId = await SendPathBrowserTests.LaunchCampaignAsync(app.DatabasePath, $"Shipping {Guid.NewGuid():N}"[..20]);
        var order = $"o-{Guid.NewGuid():N}"[..10];
        var user = $"ana-{Guid.NewGuid():N}"[..12];

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardApp.DeveloperKey);
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            campaign_id = campaignId,
            trigger_properties = new { order_id = order, product_name = "Mug" },
            recipients = new[]
            {
                new { external_user_id = user, send_to_existing_only = false, attributes = new { email = $"{user}@example.com", first_name = "Ana" } },
            },
        });
        using var response = await http.PostAsync("/campaigns/trigger/send", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using var session = await fixture.NewPageAsync(nameof(TriggerOverHttp_NoChannelConfigured_TheRenderedEmailIsInTheTestInbox));
        var page = session.Page;
        await session.OpenAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Test inbox" }).ClickAsync();
        var subject = $"Your order {order} shipped, Ana";
        var item = page.Locator("[aria-label='Captured messages']").GetByText(subject);
        await RefreshUntilVisibleAsync(page, item);
        await item.ClickAsync();

        await Expect(page.GetByText("Captured, not delivered")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=subject]")).ToHaveTextAsync(subject);
        var frame = page.FrameLocator("iframe[title='Email as received']");
        await Expect(frame.GetByText("Mug costs")).ToBeVisibleAsync();
        await session.ScreenshotAsync("test-inbox");

        await page.GetByRole(AriaRole.Link, new() { Name = "Message details" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Email message to external_user_id:{user}");
        await Expect(page.GetByLabel("Attempts").GetByRole(AriaRole.Row).Last).ToContainTextAsync("Captured in the Test inbox");
    }

    [SkippableFact]
    public async Task SendTestFromTheEditor_ToATypedAddress_ShowsTheResultAndLandsInTheTestInboxAsATest()
    {
        BrowserRequirement.Require();
        var app = fixture.App!;
        var name = $"Welcome {Guid.NewGuid():N}"[..20];
        var campaignId = await SendPathBrowserTests.LaunchCampaignAsync(app.DatabasePath, name);
        var address = $"tester-{Guid.NewGuid():N}"[..14] + "@example.com";

        await using var session = await fixture.NewPageAsync(nameof(SendTestFromTheEditor_ToATypedAddress_ShowsTheResultAndLandsInTheTestInboxAsATest));
        var page = session.Page;
        await session.OpenAsync($"/campaigns/{campaignId}/edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Send test" });
        await panel.GetByRole(AriaRole.Textbox, new() { Name = "Email addresses" }).FillAsync(address);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        var result = panel.GetByLabel("Test send results").GetByRole(AriaRole.Row).Filter(new() { HasText = address });
        await Expect(result).ToContainTextAsync("Captured");
        await session.ScreenshotAsync("send-test");

        await session.OpenAsync("/inbox");
        var item = page.Locator("[aria-label='Captured messages']").GetByText("(test send)").First;
        await Expect(item).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-label='Captured messages']")).ToContainTextAsync($"Email to {address}");
    }

    /// <summary>The inbox shows what was captured when it loaded: refresh until the dispatcher's message is there.</summary>
    private static async Task RefreshUntilVisibleAsync(IPage page, ILocator item)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Expect(item).ToBeVisibleAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 20)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            }
        }
    }
}
