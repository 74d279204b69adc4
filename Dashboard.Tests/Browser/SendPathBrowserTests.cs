using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The whole hand-off on the real app: a marketer's launched campaign, a key made in the dashboard, the campaign page's
/// cURL request sent over real HTTP as a developer would, and the message found in the activity log.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SendPathBrowserTests(DashboardBrowserFixture fixture)
{
    [SkippableFact]
    public async Task CopiedCurlRequest_WithAKeyFromTheDashboard_IsAcceptedAndShowsInTheActivityLog()
    {
        BrowserRequirement.Require();
        var app = fixture.App!;
        var campaignName = $"Order shipped {Guid.NewGuid():N}"[..24];
        var campaignId = await LaunchCampaignAsync(app.DatabasePath, campaignName);
        await using var session = await fixture.NewPageAsync(nameof(CopiedCurlRequest_WithAKeyFromTheDashboard_IsAcceptedAndShowsInTheActivityLog));
        var page = session.Page;
        await page.GotoAsync("/");
        await session.WaitForInteractiveAsync();

        // A key for the developer, made in Settings > API keys.
        await session.OpenSettingsAsync("API keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        await page.GetByLabel("Key name").FillAsync($"Order service {Guid.NewGuid():N}"[..22]);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "campaigns.trigger.send: POST /campaigns/trigger/send and AJO's executions" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "users.track: POST /users/track" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = (await page.GetByLabel("API key secret", new() { Exact = true }).TextContentAsync())!.Trim();

        // The campaign page's ready request, as the marketer hands it over.
        await session.OpenAsync($"/campaigns/{campaignId}");
        var curl = (await page.GetByLabel("cURL request", new() { Exact = true }).TextContentAsync())!;
        var match = CurlRequest().Match(curl);
        Assert.True(match.Success, curl);
        var url = new Uri(match.Groups["url"].Value);
        var body = match.Groups["body"].Value.Replace("'\\''", "'", StringComparison.Ordinal);
        Assert.Equal(app.BaseAddress.Authority, url.Authority);
        Assert.Contains("YOUR-REST-API-KEY", curl);

        // The developer creates the example user, then sends the request with the new key.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var track = await http.PostAsync(new Uri(url, "/users/track"), new StringContent(
                   """{"attributes": [{"external_id": "user-id-1", "email": "user-id-1@example.com", "email_subscribe": "opted_in"}]}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, track.StatusCode);
        }
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, answer);
        var dispatchId = JsonDocument.Parse(answer).RootElement.GetProperty("dispatch_id").GetString()!;

        // The marketer finds it in the activity log, and in the campaign's results.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Message activity" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = dispatchId });
        await Expect(row).ToContainTextAsync("Accepted");
        await Expect(row).ToContainTextAsync(campaignName);
        await Expect(row).ToContainTextAsync("external_user_id:user-id-1");
        await session.ScreenshotAsync("activity-log");

        await session.OpenAsync($"/campaigns/{campaignId}");
        await Expect(page.GetByLabel("Results by variant").GetByRole(AriaRole.Row).Filter(new() { HasText = "Email" }).First).ToContainTextAsync("1");
    }

    /// <summary>What a marketer made earlier: an API-triggered email campaign, launched, written to the app's database.</summary>
    internal static async Task<string> LaunchCampaignAsync(string databasePath, string name)
    {
        var options = new DbContextOptionsBuilder<BrazeLiteDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        var campaigns = CoreServices.Campaigns(new PooledDbContextFactory<BrazeLiteDbContext>(options), TimeProvider.System);
        var form = SampleCampaigns.Triggered(name);
        form.Channels = [new ChannelForm { Channel = Channel.Email }];
        form.Variants = [SampleCampaigns.Variant("Variant A", 100, [Channel.Email], "Your order {{api_trigger_properties.${order_id}}} shipped")];
        form.HasControlGroup = false;
        form.ControlPercentage = 0;
        var saved = await campaigns.SaveAsync(form);
        Assert.True(saved.Succeeded, saved.Message);
        var launched = await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Launch, saved.Version!.Value);
        Assert.True(launched.Succeeded, launched.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return saved.CampaignId!;
    }

    [GeneratedRegex(@"curl -X POST '(?<url>[^']+)'.*--data-raw '(?<body>.*)'\s*$", RegexOptions.Singleline)]
    private static partial Regex CurlRequest();
}
