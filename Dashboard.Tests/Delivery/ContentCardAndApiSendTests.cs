using System.Net;
using System.Text.Json;
using BrazeLite.Core.Delivery;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Delivery;

/// <summary>Content Cards kept for the user's app (<c>/content_cards/sync</c>), and <c>/messages/send</c> content delivered like a campaign's.</summary>
public sealed class ContentCardAndApiSendTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private async Task<string> TrackedUserAsync()
    {
        var user = $"u-{Guid.NewGuid():N}";
        var tracked = await _client.PostAsync("/users/track", JsonSerializer.Serialize(new
        {
            attributes = new[] { new { external_id = user, first_name = "Ana", email = $"{user}@example.com" } },
        }));
        Assert.Equal(HttpStatusCode.Created, tracked.Status);
        return user;
    }

    private async Task<JsonElement> SyncAsync(string user)
    {
        using var response = await _client.GetAsync($"/content_cards/sync?external_id={user}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task MessagesSend_ContentCards_TheLiveCardIsInTheUsersFeedAndTheExpiredOneIsNot()
    {
        var user = await TrackedUserAsync();
        var live = await _client.PostAsync("/messages/send", JsonSerializer.Serialize(new
        {
            external_user_ids = new[] { user },
            messages = new { content_card = new { type = "CLASSIC", title = "Hi {{${first_name}}}", description = "10% off today", time_to_live = 3600 } },
        }));
        var expired = await _client.PostAsync("/messages/send", JsonSerializer.Serialize(new
        {
            external_user_ids = new[] { user },
            messages = new { content_card = new { type = "CLASSIC", title = "Old", description = "gone", expire_at = "2020-01-01T00:00:00Z" } },
        }));
        Assert.Equal(HttpStatusCode.Created, live.Status);
        await factory.WaitForDispatchAsync(live.DispatchId, 1);
        await factory.WaitForDispatchAsync(expired.DispatchId, 1);

        var feed = await SyncAsync(user);

        Assert.Equal("success", feed.GetProperty("message").GetString());
        var card = Assert.Single(feed.GetProperty("cards").EnumerateArray());
        Assert.Equal("Hi Ana", card.GetProperty("title").GetString());
        Assert.Equal("10% off today", card.GetProperty("description").GetString());
        Assert.Equal("CLASSIC", card.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ContentCardsSync_UnknownUserOrNone_Is400SayingWhat()
    {
        using var missing = await _client.GetAsync("/content_cards/sync");
        using var unknown = await _client.GetAsync("/content_cards/sync?external_id=nobody-here");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("external_id", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No user has the external_id", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MessagesSend_EmailContent_IsRenderedWithTheProfileAndCaptured()
    {
        var user = await TrackedUserAsync();

        var answer = await _client.PostAsync("/messages/send", JsonSerializer.Serialize(new
        {
            external_user_ids = new[] { user },
            messages = new
            {
                email = new
                {
                    app_id = "app",
                    from = "Shop <news@shop.example>",
                    subject = "Your order, {{${first_name}}}",
                    body = "<p>Dispatch {{campaign.${dispatch_id}}}</p>",
                    headers = new Dictionary<string, string> { ["X-Order"] = "o-1" },
                },
            },
        }));

        var delivered = (await factory.WaitForDispatchAsync(answer.DispatchId, 1)).Single();
        Assert.Equal(DeliveryState.Captured, delivered.Delivery.State);
        var email = Assert.IsType<EmailContent>(delivered.Content);
        Assert.Equal("Your order, Ana", email.Subject);
        Assert.Contains($"Dispatch {answer.DispatchId}", email.Html);
        Assert.Equal($"Dispatch {answer.DispatchId}", email.Text);
        Assert.Equal("o-1", email.Headers["X-Order"]);
    }
}
