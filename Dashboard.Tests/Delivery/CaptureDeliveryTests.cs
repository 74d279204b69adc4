using System.Net;
using BrazeLite.Core.Delivery;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Delivery;

/// <summary>With no channel configured (a fresh `dotnet run`), every accepted message is rendered and kept in the Test inbox.</summary>
public sealed class CaptureDeliveryTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Trigger_NoChannelConfigured_EachChannelIsRenderedForTheUserAndCaptured()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = $"u-{Guid.NewGuid():N}";

        var answer = await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { product_name = "Mug", price = new { amount = "12.50" }, cart_url = "https://shop.example/c/1", item_count = 2 },
            recipients = new[] { NewUser(user) },
        });
        Assert.Equal(HttpStatusCode.Created, answer.Status);

        var delivered = await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 2);
        Assert.All(delivered, d =>
        {
            Assert.Equal(DeliveryState.Captured, d.Delivery.State);
            Assert.Equal("capture", d.Delivery.Sender);
            Assert.Equal(1, d.Delivery.Attempts);
        });
        var email = Assert.IsType<EmailContent>(delivered[0].Content);
        Assert.Equal($"{user}@example.com", email.To);
        Assert.Equal("Hello, Ana", email.Subject);
        Assert.Contains("<p>Mug costs 12.50</p>", email.Html);
        Assert.Contains("2 items are waiting", email.Html);
        Assert.Equal("Mug", email.Text);
        var sms = Assert.IsType<SmsContent>(delivered[1].Content);
        Assert.Equal("+15555550100", sms.To);
        Assert.Equal("Hello: https://shop.example/c/1", sms.Body);
        Assert.Equal(["https://cdn.shop.example/basket.png"], sms.MediaUrls);
    }

    [Fact]
    public async Task AjoExecution_TemplateReadsTheContext_TheEmailIsRenderedWithIt()
    {
        var campaign = await factory.LaunchAsync(Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.Email);
            f.MessageType = MessageType.Transactional;
            f.Variants[0].Messages[0][EmailFields.Subject] = "{{context.product.name}} for {{${first_name}}}: {{context.offerCode}}";
        }));
        var email = $"ajo-{Guid.NewGuid():N}@example.com";

        using var response = await _client.PostAsync("/ajo/im/executions/unitary", new StringContent(System.Text.Json.JsonSerializer.Serialize(new
        {
            requestId = Guid.NewGuid().ToString("N"),
            campaignId = campaign.CampaignId,
            recipients = new[]
            {
                new
                {
                    type = "aep", @namespace = "email", userId = email, channelData = new { emailAddress = email },
                    context = new { product = new { name = "Jackets" }, offerCode = "THANKSGIVING" },
                    profile = new { person = new { name = new { firstName = "John" } } },
                },
            },
        }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var delivered = (await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
        var sent = Assert.IsType<EmailContent>(delivered.Content);
        Assert.Equal("Jackets for John: THANKSGIVING", sent.Subject);
        Assert.Equal(email, sent.To);
    }

    [Fact]
    public async Task Trigger_TemplateAborts_MessageIsAbortedWithItsReasonAndNotSent()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => f.Variants[0].Messages[0][EmailFields.HtmlBody] =
            "{% if api_trigger_properties.${stock} == 0 %}{% abort_message('out of stock') %}{% endif %}<p>In stock</p>"));

        await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { stock = 0 },
            recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") },
        });

        var delivered = await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 2);
        Assert.Equal(DeliveryState.Aborted, delivered[0].Delivery.State);
        Assert.Equal("out of stock", delivered[0].Delivery.Error);
        Assert.Null(delivered[0].Delivery.Content);
        Assert.Equal(DeliveryState.Captured, delivered[1].Delivery.State);
    }

    [Fact]
    public async Task Trigger_RenderErrorForThisData_MessageFailsWholeWithTheError()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => f.Variants[0].Messages[0][EmailFields.Subject] =
            "Your share: {{ 100 | divided_by: api_trigger_properties.${people} }}"));

        await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { people = 0 },
            recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") },
        });

        var delivered = await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 2);
        Assert.Equal(DeliveryState.Failed, delivered[0].Delivery.State);
        Assert.StartsWith("Render error in Subject:", delivered[0].Delivery.Error);
        Assert.Contains("divided by 0", delivered[0].Delivery.Error);
        Assert.Null(delivered[0].Delivery.Content);
    }

    [Fact]
    public async Task Trigger_VariableMissingFromTheRequest_RendersEmptyAndIsRecordedAsAWarning()
    {
        var campaign = await factory.LaunchAsync(Campaign());

        await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") } });

        var delivered = await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 2);
        var email = Assert.IsType<EmailContent>(delivered[0].Content);
        Assert.Contains("<p> costs </p>", email.Html);
        Assert.Contains("product_name", delivered[0].Delivery.Warnings);
    }
}

/// <summary>A throttled campaign ("Throttle delivery") is delivered at its pace, the API answering at once.</summary>
public sealed class ThrottledDeliveryTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    [Fact]
    public async Task Trigger_TenRecipientsAtFivePerSecond_DeliveredOverAtLeastASecondAndAHalf()
    {
        var campaign = await factory.LaunchAsync(Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.Email);
            f.ThrottlePerSecond = 5;
        }));
        var recipients = Enumerable.Range(0, 10).Select(_ => NewUser($"u-{Guid.NewGuid():N}")).ToArray();

        var answer = await factory.CreateApiClient().TriggerAsync(new { campaign_id = campaign.CampaignId, recipients });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var delivered = await factory.WaitForDeliveriesAsync(campaign.CampaignId!, 10);
        Assert.All(delivered, d => Assert.Equal(DeliveryState.Captured, d.Delivery.State));
        Assert.All(delivered, d => Assert.Equal(1, d.Delivery.Attempts));
        var times = delivered.Select(d => d.Attempts.Single().At).Order().ToList();
        // Ten slots 200 ms apart: the last is at least 1.8 s after the first (1.5 s allows for the clock's grain).
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(1.5), $"delivered within {(times[^1] - times[0]).TotalMilliseconds} ms");
    }
}
