using System.Net;
using System.Text.Json;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Sends;

/// <summary><c>POST /messages/send</c> over HTTP on a real SQLite file: an API campaign's send with the content in the request.</summary>
public sealed class MessagesSendTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private static string NewId() => $"m-{Guid.NewGuid():N}";

    private static object Email(string? variationId, string body = "<p>Your parcel left.</p>") => variationId is null
        ? new { app_id = "app", from = "Shop <shop@example.com>", subject = "Shipped", body }
        : new { app_id = "app", from = "Shop <shop@example.com>", subject = "Shipped", body, message_variation_id = variationId };

    private static object Sms(string? variationId) => new { app_id = "app", subscription_group_id = "sg-1", body = "Shipped!", message_variation_id = variationId };

    private async Task<string> UserAsync(string emailSubscribe = "subscribed")
    {
        var id = NewId();
        var answer = await _client.PostAsync("/users/track", JsonSerializer.Serialize(new
        {
            attributes = new[] { new Dictionary<string, object> { ["external_id"] = id, ["email"] = $"{id}@example.com", ["phone"] = "+15555550100", ["email_subscribe"] = emailSubscribe } },
        }));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return id;
    }

    private async Task<CampaignForm> ApiCampaignAsync(CampaignStatus status = CampaignStatus.Active) =>
        await factory.LaunchAsync(SampleCampaigns.Api($"API send {Guid.NewGuid():N}"), status);

    private static string Variation(CampaignForm campaign, Channel channel) =>
        campaign.Channels.Single(c => c.Channel == channel).MessageVariationId!;

    private Task<Answer> SendAsync(object body, string? idempotencyKey = null) =>
        _client.PostAsync("/messages/send", JsonSerializer.Serialize(body), idempotencyKey);

    [Fact]
    public async Task Send_WithCampaignAndVariationIds_Is201AndRecordsEachChannelWithItsContent()
    {
        var campaign = await ApiCampaignAsync();
        var user = await UserAsync();

        var answer = await SendAsync(new
        {
            campaign_id = campaign.CampaignId,
            external_user_ids = new[] { user },
            messages = new { email = Email(Variation(campaign, Channel.Email)), sms = Sms(Variation(campaign, Channel.Sms)) },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("success", answer.Message);
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal([(Channel.Email, MessageStatus.Accepted), (Channel.Sms, MessageStatus.Accepted)], messages.Select(m => (m.Channel!.Value, m.Status)));
        Assert.Equal([Variation(campaign, Channel.Email), Variation(campaign, Channel.Sms)], messages.Select(m => m.VariationId));
        Assert.All(messages, m => Assert.Equal(answer.DispatchId, m.DispatchId));
        using var content = JsonDocument.Parse(messages[0].Content!);
        Assert.Equal("<p>Your parcel left.</p>", content.RootElement.GetProperty("body").GetString());
        Assert.False(content.RootElement.TryGetProperty("message_variation_id", out _));
        var dispatch = await factory.ReadAsync(db => db.Dispatches.AsNoTracking().SingleAsync(d => d.DispatchId == answer.DispatchId));
        Assert.Equal(DispatchKind.MessagesSend, dispatch.Kind);
    }

    [Fact]
    public async Task Send_WithoutCampaignId_IsRecordedOutsideAnyCampaign()
    {
        var user = await UserAsync();

        var answer = await SendAsync(new { external_user_ids = new[] { user }, messages = new { email = Email(null) } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var row = await factory.ReadAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.DispatchId == answer.DispatchId));
        Assert.Null(row.CampaignRowId);
        Assert.Equal(MessageStatus.Accepted, row.Status);
    }

    [Fact]
    public async Task Send_VariationProblems_AreBrazesThreeErrorsAndWriteNothing()
    {
        var campaign = await ApiCampaignAsync();
        var other = await ApiCampaignAsync();
        var user = await UserAsync();
        async Task<Answer> With(object messages) =>
            await SendAsync(new { campaign_id = campaign.CampaignId, external_user_ids = new[] { user }, messages });

        var unspecified = await With(new { email = Email(null) });
        var foreign = await With(new { email = Email(Variation(other, Channel.Email)) });
        var mismatched = await With(new { email = Email(Variation(campaign, Channel.Sms)) });

        Assert.Equal((HttpStatusCode.BadRequest, "Message Variant Unspecified"), (unspecified.Status, unspecified.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid Message Variant"), (foreign.Status, foreign.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "Mismatched Message Type"), (mismatched.Status, mismatched.Message));
        Assert.Contains("SMS/MMS variation, not its Email one", mismatched.Errors.Single());
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Send_ToAnApiTriggeredOrUnknownOrStoppedCampaign_IsRefused()
    {
        var triggered = await factory.LaunchAsync(Campaign());
        var stopped = await ApiCampaignAsync(CampaignStatus.Stopped);
        var user = await UserAsync();

        var wrongType = await SendAsync(new { campaign_id = triggered.CampaignId, external_user_ids = new[] { user }, messages = new { email = Email(Ids.NewId()) } });
        var unknown = await SendAsync(new { campaign_id = Ids.NewId(), external_user_ids = new[] { user }, messages = new { email = Email(Ids.NewId()) } });
        var paused = await SendAsync(new { campaign_id = stopped.CampaignId, external_user_ids = new[] { user }, messages = new { email = Email(Variation(stopped, Channel.Email)) } });

        Assert.Equal("Invalid Campaign ID", wrongType.Message);
        Assert.Contains("trigger it with POST /campaigns/trigger/send", wrongType.Errors.Single());
        Assert.Equal("Invalid Campaign ID", unknown.Message);
        Assert.Equal("The campaign is paused. Resume the campaign in order for send requests to take effect.", paused.Message);
        Assert.Empty(await factory.MessagesOfAsync(triggered.CampaignId!));
    }

    [Theory]
    [InlineData("""{"external_user_ids": ["u"]}""", "No message to send", "Add a \"messages\" object")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {}}""", "No message to send", null)]
    [InlineData("""{"messages": {"sms": {"app_id": "a", "subscription_group_id": "s", "body": "b"}}}""", "No Recipients", null)]
    [InlineData("""{"external_user_ids": "u", "messages": {}}""", "Bad Request", "external_user_ids must be an array of strings.")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"whats_app": {}}}""", "Bad Request", "messages.whats_app is not a channel BrazeLite sends")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"email": {"from": "a@b.co", "body": "x"}}}""", "Bad Request", "messages.email.app_id is required")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"email": {"app_id": "a", "from": "nobody", "body": "x"}}}""", "Bad Request", "messages.email.from is required")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"email": {"app_id": "a", "from": "a@b.co"}}}""", "Bad Request", "messages.email.body (the HTML body) is required.")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"sms": {"app_id": "a", "body": "b"}}}""", "Bad Request", "messages.sms.subscription_group_id is required.")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"apple_push": {"alert": "hi", "extra": [1]}}}""", "Invalid Extra Push Payload", null)]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"android_push": {"alert": "hi"}}}""", "Bad Request", "messages.android_push.title is required.")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"webhook": {"url": "https://hooks.example.com", "request_method": "PATCH"}}}""", "Bad Request", "request_method is required: one of POST, PUT, DELETE, GET.")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"content_card": {"type": "POSTER", "title": "t", "description": "d"}}}""", "Bad Request", "messages.content_card.type is required")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"content_card": {"type": "CLASSIC", "title": "t", "description": "d", "time_to_live": 9999999}}}""", "Bad Request", "time_to_live must be a number of seconds")]
    [InlineData("""{"external_user_ids": ["u"], "recipient_subscription_state": "maybe", "messages": {"email": {}}}""", "Bad Request", "recipient_subscription_state must be")]
    [InlineData("""{"external_user_ids": ["u"], "messages": {"email": {"app_id": "a", "from": "a@b.co", "body": "x", "message_variation_id": "v"}}}""", "Bad Request", "needs the campaign_id it belongs to")]
    [InlineData("""{"campaign_id": 7, "external_user_ids": ["u"], "messages": {"email": {}}}""", "campaign_id must be a string of the campaign api identifier", null)]
    public async Task Send_MalformedRequest_Is400NamingTheFault(string body, string message, string? error)
    {
        var before = await factory.ReadAsync(db => db.Dispatches.CountAsync());

        var answer = await _client.PostAsync("/messages/send", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
        if (error is not null)
        {
            Assert.Contains(error, Assert.Single(answer.Errors));
        }
        Assert.Equal(before, await factory.ReadAsync(db => db.Dispatches.CountAsync()));
    }

    [Fact]
    public async Task Send_FiftyOneUsersOrAnOversizedPush_IsRefusedWithBrazesWording()
    {
        var many = await SendAsync(new { external_user_ids = Enumerable.Range(0, 51).Select(i => $"u{i}").ToArray(), messages = new { email = Email(null) } });
        var apple = await SendAsync(new { external_user_ids = new[] { "u" }, messages = new { apple_push = new { alert = new string('a', 2000) } } });
        var android = await SendAsync(new { external_user_ids = new[] { "u" }, messages = new { android_push = new { alert = new string('a', 4100), title = "t" } } });

        Assert.Equal("The max number of external_ids and aliases per request was exceeded", many.Message);
        Assert.Equal("Apple Push Length Exceeded", apple.Message);
        Assert.Equal("Android Push Length Exceeded", android.Message);
    }

    [Theory]
    [InlineData("unsubscribed", "subscribed", MessageStatus.Skipped)]
    [InlineData("unsubscribed", "all", MessageStatus.Accepted)]
    [InlineData("subscribed", "opted_in", MessageStatus.Skipped)]
    [InlineData("opted_in", "opted_in", MessageStatus.Accepted)]
    public async Task Send_RecipientSubscriptionState_DecidesWhoGetsEmail(string userState, string requested, MessageStatus expected)
    {
        var user = await UserAsync(userState);

        var answer = await SendAsync(new { external_user_ids = new[] { user }, recipient_subscription_state = requested, messages = new { email = Email(null) } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var row = await factory.ReadAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.DispatchId == answer.DispatchId));
        Assert.Equal(expected, row.Status);
        if (expected == MessageStatus.Skipped)
        {
            Assert.Contains($"recipient_subscription_state: {requested}", row.Reason);
        }
    }

    [Fact]
    public async Task Send_UnknownUserAndDuplicates_AcceptedWithAnErrorSkippedAndSentOnce()
    {
        var user = await UserAsync();
        var unknown = NewId();

        var answer = await SendAsync(new { external_user_ids = new[] { user, unknown, user }, messages = new { email = Email(null) } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal($"no user has external_user_id:{unknown}", answer.Errors.Single());
        var rows = await factory.ReadAsync(db => db.Messages.AsNoTracking().Where(m => m.DispatchId == answer.DispatchId).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Skipped], rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_RetriedWithTheSameIdempotencyKey_SendsOnce()
    {
        var user = await UserAsync();
        var body = new { external_user_ids = new[] { user }, messages = new { email = Email(null) } };
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(body, key);
        var retry = await SendAsync(body, key);

        Assert.Equal(first.DispatchId, retry.DispatchId);
        Assert.Equal(1, await factory.ReadAsync(db => db.Messages.CountAsync(m => m.DispatchId == first.DispatchId)));
    }

    [Fact]
    public async Task Send_KeyWithoutMessagesSend_Is403AccessDenied()
    {
        var answer = await factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey)
            .PostAsync("/messages/send", JsonSerializer.Serialize(new { external_user_ids = new[] { "u" }, messages = new { email = Email(null) } }));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Access Denied", answer.Message);
    }
}
