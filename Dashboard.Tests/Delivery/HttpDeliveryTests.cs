using System.Text;
using System.Text.Json;
using BrazeLite.Core.Delivery;
using static Dashboard.Tests.Api.Sends.SendTestSupport;
using Reply = Dashboard.Tests.Delivery.TestHttpProvider.Reply;

namespace Dashboard.Tests.Delivery;

/// <summary>
/// Webhooks, SMS (Twilio's API) and push (FCM, APNs) over real HTTP to a provider started on 127.0.0.1, with scripted
/// failures to prove the retries, <c>Retry-After</c>, the final failure and the permanent refusals.
/// </summary>
public sealed class HttpDeliveryTests : IAsyncLifetime
{
    private TestHttpProvider _provider = null!;
    private DashboardApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestHttpProvider.StartAsync();
        _factory = DeliveryTestSupport.Factory(
            ("Delivery:Webhook:Live", "true"),
            ("Delivery:Webhook:Timeout", "00:00:01"),
            ("Delivery:Sms:BaseUrl", _provider.BaseUrl),
            ("Delivery:Sms:AccountSid", "AC123"),
            ("Delivery:Sms:AuthToken", "secret"),
            ("Delivery:Sms:From", "+15550001111"),
            ("Delivery:Push:Fcm:BaseUrl", _provider.BaseUrl),
            ("Delivery:Push:Fcm:ProjectId", "shop-app"),
            ("Delivery:Push:Fcm:AccessToken", "fcm-token"),
            ("Delivery:Push:Apns:BaseUrl", _provider.BaseUrl),
            ("Delivery:Push:Apns:Topic", "com.shop.app"),
            ("Delivery:Push:Apns:AuthToken", "apns-jwt"));
    }

    private CampaignForm Webhook(string body = "{\"product\":\"{{api_trigger_properties.${product_name}}}\"}") => Campaign(f =>
    {
        DeliveryTestSupport.OnlyChannels(f, Channel.Webhook);
        var message = f.Variants[0].Messages[0];
        message[WebhookFields.Url] = _provider.BaseUrl + "/hooks/{{api_trigger_properties.${basket_id}}}";
        message[WebhookFields.Method] = "POST";
        message[WebhookFields.Body] = body;
    });

    private async Task<DeliveryTestSupport.Delivered> TriggerOneAsync(CampaignForm form, object? properties = null)
    {
        var campaign = await _factory.LaunchAsync(form);
        await _factory.CreateApiClient().TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = properties ?? new { product_name = "Mug", basket_id = "b-7", shop = new { id = "s-1" } },
            recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") },
        });
        return (await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
    }

    [Fact]
    public async Task Webhook_Live_TheRenderedRequestReachesTheUrlAndTheAnswerIsKept()
    {
        _provider.Then(new Reply(202, "{\"queued\":true}"));

        var delivered = await TriggerOneAsync(Webhook());

        var request = _provider.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/b-7", request.Path);
        Assert.Equal("{\"product\":\"Mug\"}", request.Body);
        Assert.Equal("s-1", request.Headers["X-Shop"]);
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        Assert.Equal("202 Accepted: {\"queued\":true}", delivered.Delivery.ProviderResponse);
    }

    [Fact]
    public async Task Webhook_TwoServiceUnavailableThenOk_DeliveredOnTheThirdAttemptWithEachAttemptRecorded()
    {
        _provider.Then(new Reply(503, "busy"), new Reply(503, "busy"), new Reply(200));

        var delivered = await TriggerOneAsync(Webhook());

        Assert.Equal(3, _provider.Requests.Count);
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        Assert.Equal(3, delivered.Delivery.Attempts);
        Assert.Equal(["503 Service Unavailable", "503 Service Unavailable", "200 OK"], delivered.Attempts.Select(a => a.Outcome));
        Assert.Equal([1, 2, 3], delivered.Attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task Webhook_AlwaysFailing_FailsAfterTheLastAttemptWithTheLastError()
    {
        _provider.Default = new Reply(500, "down");
        try
        {
            var delivered = await TriggerOneAsync(Webhook());

            Assert.Equal(3, _provider.Requests.Count);
            Assert.Equal(DeliveryState.Failed, delivered.Delivery.State);
            Assert.Equal("Gave up after 3 attempts: 500 Internal Server Error", delivered.Delivery.Error);
        }
        finally
        {
            _provider.Default = new Reply(200);
        }
    }

    [Fact]
    public async Task Webhook_TooManyRequestsWithRetryAfter_WaitsAsAskedThenDelivers()
    {
        _provider.Then(new Reply(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" }), new Reply(200));

        var delivered = await TriggerOneAsync(Webhook());

        var requests = _provider.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        var gap = delivered.Attempts[1].At - delivered.Attempts[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"the second attempt came {gap.TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task Webhook_BadRequest_FailsAtOnceWithoutRetrying()
    {
        _provider.Then(new Reply(400, "{\"error\":\"bad product\"}"));

        var delivered = await TriggerOneAsync(Webhook());

        Assert.Single(_provider.Requests);
        Assert.Equal(DeliveryState.Failed, delivered.Delivery.State);
        Assert.Equal("400 Bad Request", delivered.Delivery.Error);
        Assert.Equal("400 Bad Request: {\"error\":\"bad product\"}", delivered.Delivery.ProviderResponse);
    }

    [Fact]
    public async Task Webhook_NoAnswerWithinTheTimeout_IsRetriedAsTransient()
    {
        _provider.Then(new Reply(200, Delay: TimeSpan.FromSeconds(5)), new Reply(200));

        var delivered = await TriggerOneAsync(Webhook());

        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        Assert.Equal("No answer within 1 s", delivered.Attempts[0].Outcome);
        Assert.Equal(2, delivered.Delivery.Attempts);
    }

    [Fact]
    public async Task Sms_Twilio_PostsTheFormWithBasicAuthAndKeepsTheMessageSid()
    {
        _provider.Then(new Reply(201, "{\"sid\":\"SM0123\",\"status\":\"queued\"}"));
        var form = Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.Sms);
            f.Variants[0].Messages[0][SmsFields.Body] = "Hi: {{api_trigger_properties['cart_url']}}";
        });

        var delivered = await TriggerOneAsync(form, new { cart_url = "https://shop.example/c/9" });

        var request = _provider.Requests.Single();
        Assert.Equal("/2010-04-01/Accounts/AC123/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:secret")), request.Headers["Authorization"]);
        var fields = request.Body.Split('&').Select(p => p.Split('=')).ToLookup(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal("+15555550100", fields["To"].Single());
        Assert.Equal("+15550001111", fields["From"].Single());
        Assert.Equal("Hi: https://shop.example/c/9", fields["Body"].Single());
        Assert.Equal("https://cdn.shop.example/basket.png", fields["MediaUrl"].Single());
        Assert.Equal("SM0123", delivered.Delivery.ProviderReference);
        Assert.Equal("twilio", delivered.Delivery.Sender);
    }

    [Fact]
    public async Task Push_TokensFromUsersTrack_EachPlatformGetsItsOwnProviderRequest()
    {
        var user = $"u-{Guid.NewGuid():N}";
        var tracked = await _factory.CreateApiClient().PostAsync("/users/track", JsonSerializer.Serialize(new
        {
            attributes = new[]
            {
                new
                {
                    external_id = user,
                    push_tokens = new object[] { new { token = "android-token-1", platform = "android" }, new { token = "ios-token-1", platform = "ios" } },
                },
            },
        }));
        Assert.Equal(System.Net.HttpStatusCode.Created, tracked.Status);
        // The two platforms are sent at once, so both get one answer: FCM reads the name in the body, APNs the header.
        _provider.Default = new Reply(200, "{\"name\":\"projects/shop-app/messages/0:1\"}", new Dictionary<string, string> { ["apns-id"] = "5E2A" });
        Channel[] channels = [Channel.AndroidPush, Channel.ApplePush];
        var campaign = await _factory.LaunchAsync(Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, channels);
            f.Variants = [SampleCampaigns.Variant("Variant A", 100, channels, "Back in stock")];
        }));

        await _factory.CreateApiClient().TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { product_name = "Mug" },
            recipients = new[] { Recipient(user) },
        });

        var delivered = await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 2);
        var requests = _provider.Requests.ToList();
        var fcm = requests.Single(r => r.Path == "/v1/projects/shop-app/messages:send");
        Assert.Equal("Bearer fcm-token", fcm.Headers["Authorization"]);
        using (var body = JsonDocument.Parse(fcm.Body))
        {
            var message = body.RootElement.GetProperty("message");
            Assert.Equal("android-token-1", message.GetProperty("token").GetString());
            Assert.Equal("Back in stock", message.GetProperty("notification").GetProperty("title").GetString());
            Assert.Equal("Mug is still in your basket.", message.GetProperty("notification").GetProperty("body").GetString());
        }
        var apns = requests.Single(r => r.Path == "/3/device/ios-token-1");
        Assert.Equal("com.shop.app", apns.Headers["apns-topic"]);
        Assert.Equal("bearer apns-jwt", apns.Headers["Authorization"]);
        Assert.Contains("\"aps\"", apns.Body);
        Assert.All(delivered, d => Assert.Equal(DeliveryState.Delivered, d.Delivery.State));
        Assert.Equal("projects/shop-app/messages/0:1", delivered.Single(d => d.Message.Channel == Channel.AndroidPush).Delivery.ProviderReference);
        Assert.Equal("5E2A", delivered.Single(d => d.Message.Channel == Channel.ApplePush).Delivery.ProviderReference);
    }

    [Fact]
    public async Task Push_UserWithoutADeviceToken_FailsSayingSo()
    {
        var form = Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.AndroidPush);
        });

        var delivered = await TriggerOneAsync(form);

        Assert.Equal(DeliveryState.Failed, delivered.Delivery.State);
        Assert.Equal("The profile has no Android push device token.", delivered.Delivery.Error);
        Assert.Empty(_provider.Requests);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
