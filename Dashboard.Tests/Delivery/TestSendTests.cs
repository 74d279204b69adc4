using BrazeLite.Core.Activity;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Ingest;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.Api.Sends.SendTestSupport;
using Reply = Dashboard.Tests.Delivery.TestHttpProvider.Reply;

namespace Dashboard.Tests.Delivery;

/// <summary>The editor's test sends through the real service: a real SMTP server and a real webhook receiver on 127.0.0.1.</summary>
public sealed class TestSendTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private TestHttpProvider _hook = null!;
    private DashboardApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _hook = await TestHttpProvider.StartAsync();
        _factory = DeliveryTestSupport.Factory(
            ("Delivery:Email:Host", "127.0.0.1"),
            ("Delivery:Email:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Delivery:Email:Security", "None"),
            ("Delivery:Webhook:Live", "true"));
    }

    private ITestSendService Tests => _factory.Services.GetRequiredService<ITestSendService>();

    private static TestSendRequest Request(CampaignForm form, Channel channel, TestAudience audience, string recipients, bool realProfiles = false) =>
        new(form.CampaignId, form.Name, form.MessageType, form.Variants[0].Name,
            CampaignForms.ToMessage(form.Variants[0].Messages.Single(m => m.Channel == channel)), audience, recipients,
            new Dictionary<string, object?> { ["product_name"] = "Mug", ["item_count"] = 2L },
            new Dictionary<string, object?> { ["first_name"] = "Sample" }, realProfiles);

    [Fact]
    public async Task EmailTest_ToTypedAddresses_EachGetsTheRenderedEmailMarkedAsATestAndNothingCounts()
    {
        var form = await _factory.LaunchAsync(Campaign());

        var outcome = await Tests.SendAsync(Request(form, Channel.Email, TestAudience.Addresses, "ana@example.com, bea@example.com"));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["email:ana@example.com", "email:bea@example.com"], outcome.Results.Select(r => r.Recipient));
        Assert.All(outcome.Results, r => Assert.Equal(DeliveryState.Delivered, r.State));
        var received = await _smtp.WaitForAsync(2);
        Assert.All(received, m => Assert.Equal("Hello, Sample", m.Subject));
        Assert.Equal(["ana@example.com", "bea@example.com"], received.Select(m => m.To.Mailboxes.Single().Address).Order());

        var messages = await _factory.MessagesOfAsync(form.CampaignId!);
        Assert.All(messages, m => Assert.Equal(MessageStatus.Test, m.Status));
        var campaign = (await _factory.Services.GetRequiredService<ICampaignService>().GetAsync(form.CampaignId!))!;
        var counts = await _factory.Services.GetRequiredService<ActivityLogService>().CountsAsync(campaign);
        Assert.All(counts, c => Assert.Equal((0, 0, 0, 0), (c.Accepted, c.Delivered, c.Captured, c.Failed)));
        await Task.Delay(300); // the dispatcher runs meanwhile: it must not send the tests again
        Assert.Equal(2, _smtp.Received.Count);
    }

    [Fact]
    public async Task EmailTest_ToAUsersRealProfile_RendersWithTheirAttributes()
    {
        var form = await _factory.LaunchAsync(Campaign());
        var user = $"u-{Guid.NewGuid():N}";
        await _factory.CreateApiClient().TriggerAsync(new { campaign_id = form.CampaignId, recipients = new[] { NewUser(user) } }); // creates Ana
        await _smtp.WaitForAsync(1);

        var outcome = await Tests.SendAsync(Request(form, Channel.Email, TestAudience.Users, user, realProfiles: true));

        Assert.True(outcome.Succeeded, outcome.Error);
        var received = await _smtp.WaitForAsync(2);
        Assert.Equal("Hello, Ana", received[1].Subject);
        Assert.Equal($"{user}@example.com", received[1].To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task WebhookTest_ShowsTheReceiversAnswer()
    {
        _hook.Then(new Reply(418, "{\"error\":\"teapot\"}"));
        var form = await _factory.LaunchAsync(Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.Webhook);
            f.Variants[0].Messages[0][WebhookFields.Url] = _hook.BaseUrl + "/test";
        }));

        var outcome = await Tests.SendAsync(Request(form, Channel.Webhook, TestAudience.Addresses, ""));

        var result = Assert.Single(outcome.Results);
        Assert.Equal(DeliveryState.Failed, result.State);
        Assert.Equal("418 I'm a teapot", result.Description);
        Assert.Equal("418 I'm a teapot: {\"error\":\"teapot\"}", result.ProviderResponse);
        Assert.Equal("/test", _hook.Requests.Single().Path);
    }

    [Theory]
    [InlineData(Channel.Email, TestAudience.Addresses, "not-an-address", "not-an-address is not an email address.")]
    [InlineData(Channel.Email, TestAudience.Addresses, "", "Type at least one email address.")]
    [InlineData(Channel.Sms, TestAudience.Addresses, "call-me", "call-me is not a phone number such as +15555550100.")]
    [InlineData(Channel.ApplePush, TestAudience.Addresses, "x", "iOS push goes to a user's devices or feed: send the test to existing users.")]
    [InlineData(Channel.Email, TestAudience.Users, "nobody-1 nobody-2", "No user has the external ID nobody-1, nobody-2.")]
    [InlineData(Channel.Email, TestAudience.Addresses, "a@x.io b@x.io c@x.io d@x.io e@x.io f@x.io g@x.io h@x.io i@x.io j@x.io k@x.io", "A test goes to at most 10 recipients; there are 11.")]
    public async Task Test_BadRecipients_SaysWhatIsWrongAndSendsNothing(Channel channel, TestAudience audience, string recipients, string error)
    {
        var form = await _factory.LaunchAsync(Campaign(f => DeliveryTestSupport.OnlyChannels(f, Channel.Email, Channel.Sms, Channel.ApplePush)));

        var outcome = await Tests.SendAsync(Request(form, channel, audience, recipients));

        Assert.Equal(error, outcome.Error);
        Assert.Empty(await _factory.MessagesOfAsync(form.CampaignId!));
        Assert.Empty(_smtp.Received);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _hook.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
