using BrazeLite.Core.Delivery;
using SmtpServer.Protocol;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Delivery;

/// <summary>Email delivered over real SMTP (MailKit) to an SMTP server started on 127.0.0.1.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private DashboardApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = DeliveryTestSupport.Factory(
            ("Delivery:Email:Host", "127.0.0.1"),
            ("Delivery:Email:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Delivery:Email:Security", "None"),
            ("Delivery:Email:EnvelopeFrom", "bounces@shop.example"),
            ("Delivery:Email:ListUnsubscribe", "https://shop.example/unsubscribe?u={user_id}"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Trigger_SmtpConfigured_TheServerReceivesAMultipartEmailWithItsHeaders()
    {
        var campaign = await _factory.LaunchAsync(Campaign(f =>
        {
            f.Channels = [new ChannelForm { Channel = Channel.Email }];
            f.Variants = [SampleCampaigns.Variant("Variant A", 100, [Channel.Email], "Hello")];
            f.Variants[0].Messages[0][EmailFields.PlainTextBody] = null;
            f.Variants[0].Messages[0][EmailFields.HtmlBody] =
                "<html><body><h1>{{api_trigger_properties.${product_name}}}</h1><p>See <a href=\"https://shop.example/b\">your basket</a>.</p></body></html>";
        }));
        var user = $"u-{Guid.NewGuid():N}";

        await _factory.CreateApiClient().TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { product_name = "Mug", item_count = 3 },
            recipients = new[] { NewUser(user) },
        });

        var received = (await _smtp.WaitForAsync(1)).Single();
        Assert.Equal("Hello, Ana", received.Subject);
        Assert.Equal($"{user}@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal("news@shop.example", received.From.Mailboxes.Single().Address);
        Assert.Equal("help@shop.example", received.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("multipart/alternative", received.Body!.ContentType.MimeType);
        Assert.Contains("<h1>Mug</h1>", received.HtmlBody);
        Assert.Contains("3 items are waiting", received.HtmlBody!);
        Assert.Equal("Mug\n\nSee your basket (https://shop.example/b).", received.TextBody!.Trim().ReplaceLineEndings("\n"));
        Assert.Equal($"<https://shop.example/unsubscribe?u={user}>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("bounces@shop.example", _smtp.Received.Single().EnvelopeFrom);

        var delivered = (await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        Assert.Equal("smtp", delivered.Delivery.Sender);
        Assert.Equal(received.MessageId, delivered.Delivery.ProviderReference);
        Assert.StartsWith("250", delivered.Attempts.Single().Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_ServerSaysTryLaterThenTakesIt_DeliveredOnTheSecondAttempt()
    {
        _smtp.RefuseNext(1, (SmtpReplyCode)450, "try again later");
        var campaign = await _factory.LaunchAsync(EmailOnly());

        await _factory.CreateApiClient().TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") } });

        var delivered = (await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
        Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
        Assert.Equal(2, delivered.Delivery.Attempts);
        Assert.Equal([true, false], delivered.Attempts.Select(a => a.Retried));
        Assert.StartsWith("450", delivered.Attempts[0].Outcome, StringComparison.Ordinal);
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task Trigger_ServerRefusesTheMailbox_FailsAtOnceWithTheServersAnswer()
    {
        _smtp.RefuseNext(1, SmtpReplyCode.MailboxUnavailable, "no such user");
        var campaign = await _factory.LaunchAsync(EmailOnly());

        await _factory.CreateApiClient().TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") } });

        var delivered = (await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
        Assert.Equal(DeliveryState.Failed, delivered.Delivery.State);
        Assert.Equal(1, delivered.Delivery.Attempts);
        Assert.StartsWith("550", delivered.Delivery.Error, StringComparison.Ordinal);
        Assert.Contains("no such user", delivered.Delivery.Error);
    }

    private static CampaignForm EmailOnly() => Campaign(f =>
    {
        f.Channels = [new ChannelForm { Channel = Channel.Email }];
        f.Variants = [SampleCampaigns.Variant("Variant A", 100, [Channel.Email], "Hello")];
    });

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
