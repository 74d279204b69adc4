using System.Net;
using System.Text.Json;
using BrazeLite.Core.Ingest;
using Microsoft.Extensions.DependencyInjection;
using BrazeLite.Core.Ingest.Storage;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Sends;

/// <summary><c>POST /campaigns/trigger/send</c> over HTTP on a real SQLite file, as a Braze client calls it.</summary>
public sealed class TriggerSendTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private static string NewId() => $"u-{Guid.NewGuid():N}";

    [Fact]
    public async Task Trigger_ActiveCampaignNewUser_Is201WithADispatchIdAndCommitsOneMessagePerChannel()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = NewId();

        var answer = await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { product_name = "Mug", price = 12.5 },
            recipients = new[] { NewUser(user, triggerProperties: new { price = 10 }) },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("success", answer.Message);
        Assert.Matches("^[0-9a-f]{32}$", answer.DispatchId);
        Assert.False(answer.Body.TryGetProperty("errors", out _));
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal([(Channel.Email, MessageStatus.Accepted), (Channel.Sms, MessageStatus.Accepted)],
            messages.Select(m => (m.Channel!.Value, m.Status)));
        Assert.All(messages, m => Assert.Equal(answer.DispatchId, m.DispatchId));
        Assert.Equal(campaign.Variants[0].Messages.Select(m => m.MessageVariationId), messages.Select(m => m.VariationId));
        using var properties = JsonDocument.Parse(messages[0].TriggerProperties!);
        Assert.Equal("Mug", properties.RootElement.GetProperty("product_name").GetString());
        Assert.Equal(10, properties.RootElement.GetProperty("price").GetInt32());
        var profile = await factory.UserAsync(user);
        Assert.Equal($"{user}@example.com", profile!.Email);
        Assert.Contains("\"first_name\":\"Ana\"", profile.Attributes);
        var dispatch = await factory.ReadAsync(db => db.Dispatches.AsNoTracking().SingleAsync(d => d.DispatchId == answer.DispatchId));
        Assert.Equal(DispatchKind.TriggerSend, dispatch.Kind);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, "The campaign is a draft. Launch the campaign in order for trigger requests to take effect.")]
    [InlineData(CampaignStatus.Stopped, "The campaign is paused. Resume the campaign in order for trigger requests to take effect.")]
    [InlineData(CampaignStatus.Archived, "The campaign is archived. Unarchive the campaign in order for trigger requests to take effect.")]
    public async Task Trigger_CampaignNotActive_Is400WithBrazesWordingAndWritesNothing(CampaignStatus status, string message)
    {
        var campaign = await factory.LaunchAsync(Campaign(), status);

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Trigger_UnknownCampaignOrApiCampaign_IsInvalidCampaignId()
    {
        var api = await factory.SaveAsync(SampleCampaigns.Api($"Api {Guid.NewGuid():N}"));

        var unknown = await _client.TriggerAsync(new { campaign_id = "4861692e-6fce-4215-bd05-3254fb9e9057", recipients = new[] { NewUser(NewId()) } });
        var wrongType = await _client.TriggerAsync(new { campaign_id = api.CampaignId, recipients = new[] { NewUser(NewId()) } });

        Assert.Equal((HttpStatusCode.BadRequest, "Invalid Campaign ID"), (unknown.Status, unknown.Message));
        Assert.Equal(["No campaign has the campaign_id \"4861692e-6fce-4215-bd05-3254fb9e9057\"."], unknown.Errors);
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid Campaign ID"), (wrongType.Status, wrongType.Message));
        Assert.Contains("send its messages with POST /messages/send", wrongType.Errors.Single());
    }

    [Theory]
    [InlineData("""{"recipients": [{"external_user_id": "u"}]}""", "campaign_id must be a string of the campaign api identifier", null)]
    [InlineData("""{"campaign_id": 5, "recipients": []}""", "campaign_id must be a string of the campaign api identifier", null)]
    [InlineData("""{"campaign_id": "CAMPAIGN"}""", "No Recipients", "Name at least one recipient")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u", "email": "a@b.co"}]}""", "Bad Request", "recipients[0] must name its user with exactly one of")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u", "send_to_existing_only": false}]}""", "Bad Request", "recipients[0]: send_to_existing_only: false creates the user from its attributes")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u"}], "broadcast": true}""", "Bad Request", "cannot be combined with recipients")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u"}], "send_id": "ünïcode"}""", "Bad Request", "send_id must be 1 to 64 ASCII characters.")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u"}], "trigger_properties": []}""", "Bad Request", "trigger_properties must be a JSON object.")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u"}], "audience": {}}""", "Bad Request", "audience is not supported by BrazeLite")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "recipients": [{"external_user_id": "u"}""", "Bad Request", "The body is not valid JSON")]
    public async Task Trigger_MalformedRequest_Is400NamingTheFaultAndWritesNothing(string body, string message, string? error)
    {
        var campaign = await factory.LaunchAsync(Campaign());

        var answer = await _client.PostAsync("/campaigns/trigger/send", body.Replace("CAMPAIGN", campaign.CampaignId));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
        if (error is not null)
        {
            Assert.Contains(error, Assert.Single(answer.Errors));
        }
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Trigger_FiftyOneRecipients_IsTheMaxRecipientsError()
    {
        var campaign = await factory.LaunchAsync(Campaign());

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = Enumerable.Range(0, 51).Select(_ => NewUser(NewId())).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("The max number of external_ids and aliases per request was exceeded", answer.Message);
    }

    [Fact]
    public async Task Trigger_TriggerPropertiesOver50KB_IsRefused()
    {
        var campaign = await factory.LaunchAsync(Campaign());

        var answer = await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            trigger_properties = new { blob = new string('x', 52_000) },
            recipients = new[] { NewUser(NewId()) },
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("trigger_properties has 52,", answer.Errors.Single());
    }

    [Fact]
    public async Task Trigger_UnknownUserWithoutAttributes_IsAcceptedWithAnErrorAndRecordedAsSkipped()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var known = NewId();
        var unknown = NewId();

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(known), Recipient(unknown) } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal($"recipients[1]: no user has external_user_id:{unknown}; send \"send_to_existing_only\": false with \"attributes\" to create one",
            answer.Errors.Single());
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        var skipped = Assert.Single(messages, m => m.Recipient == $"external_user_id:{unknown}");
        Assert.Equal(MessageStatus.Skipped, skipped.Status);
        Assert.Null(await factory.UserAsync(unknown));
    }

    [Fact]
    public async Task Trigger_NewUserWithSomeBadAttributes_IsCreatedFromTheGoodOnesAndTheAnswerNamesEachBadOne()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = NewId();
        var existing = NewId();
        await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(existing) } });
        var attributes = new Dictionary<string, object?>
        {
            ["email"] = "not-an-address",
            ["gender"] = "x",
            ["first_name"] = "Ana",
            ["plan"] = "gold",
            ["subscription_groups"] = new[] { new { subscription_group_id = "news", subscription_state = "subscribed" } },
        };

        // One recipient the request creates, one that exists already (its attributes apply to the stored profile).
        var answer = await _client.TriggerAsync(new
        {
            campaign_id = campaign.CampaignId,
            recipients = new[] { Recipient(user, attributes, existingOnly: false), Recipient(existing, new { gender = "x", last_name = "Silva" }, existingOnly: false) },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(
            ["recipients[0]: email: \"not-an-address\" is not an email address.", "recipients[0]: gender: \"x\" is not one of M, F, O, N, P, U.",
             "recipients[1]: gender: \"x\" is not one of M, F, O, N, P, U."],
            answer.Errors);
        var created = await factory.UserAsync(user);
        Assert.NotNull(created);
        Assert.Null(created.Email);
        Assert.Contains("\"first_name\":\"Ana\"", created.Attributes);
        Assert.DoesNotContain("gender", created.Attributes);
        Assert.Equal("""{"plan":"gold"}""", created.CustomAttributes);
        Assert.Equal("""{"news":"subscribed"}""", created.SubscriptionGroups);
        Assert.Matches("^[0-9a-f-]{36}$", created.UserId);
        var updated = await factory.UserAsync(existing);
        Assert.Contains("\"last_name\":\"Silva\"", updated!.Attributes);
        Assert.Equal($"{existing}@example.com", updated.Email);
    }

    [Fact]
    public async Task Trigger_SameUserTwiceInOneRequest_IsSentOnce()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = NewId();

        await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(user), Recipient(user) } });

        Assert.Equal(2, (await factory.MessagesOfAsync(campaign.CampaignId!)).Count(m => m.Status == MessageStatus.Accepted));
    }

    [Fact]
    public async Task Trigger_ReeligibilityOff_SecondTriggerIsSkippedSayingWhy()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = NewId();

        await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(user) } });
        var second = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { Recipient(user) } });

        Assert.Equal(HttpStatusCode.Created, second.Status);
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        var last = messages.Single(m => m.DispatchId == second.DispatchId);
        Assert.Equal(MessageStatus.Skipped, last.Status);
        Assert.StartsWith("already received this campaign on ", last.Reason);
        Assert.EndsWith("; it is sent to each user once", last.Reason);
    }

    [Fact]
    public async Task Trigger_ZeroMinuteWindow_SendsOnEveryTriggerWithTheSameVariant()
    {
        var campaign = await factory.LaunchAsync(Campaign(f =>
        {
            f.Variants = [SampleCampaigns.Variant("A", 50, [Channel.Email, Channel.Sms], "A"), SampleCampaigns.Variant("B", 50, [Channel.Email, Channel.Sms], "B")];
            f.ReeligibilityEnabled = true;
            f.ReeligibilityAmount = 0;
        }));
        var user = NewId();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(user) } })).Status);
        }

        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(6, messages.Count(m => m.Status == MessageStatus.Accepted));
        Assert.Single(messages.Select(m => m.VariantName).Distinct());
    }

    [Fact]
    public async Task Trigger_HundredConcurrentTriggersForAUserWhoMayReceiveOnce_GiveExactlyOneMessage()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        var user = NewId();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/users/track", JsonSerializer.Serialize(new
        {
            attributes = new[] { new { external_id = user, email = $"{user}@example.com", phone = "+15555550100" } },
        }))).Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { Recipient(user) } })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(2, messages.Count(m => m.Status == MessageStatus.Accepted));
        Assert.Equal(99 * 1, messages.Count(m => m.Status == MessageStatus.Skipped));
    }

    [Fact]
    public async Task Trigger_ManyUsers_SplitConvergesToThePercentagesWithControlRecordedAndSentNothing()
    {
        var campaign = await factory.LaunchAsync(Campaign(f =>
        {
            f.Channels = [new ChannelForm { Channel = Channel.Webhook }];
            f.Variants = [SampleCampaigns.Variant("A", 60, [Channel.Webhook], "A"), SampleCampaigns.Variant("B", 20, [Channel.Webhook], "B")];
            f.HasControlGroup = true;
            f.ControlPercentage = 20;
            f.ControlVariationId = Ids.NewId();
            f.ConversionEvents = [];
        }));

        for (var batch = 0; batch < 40; batch++)
        {
            var recipients = Enumerable.Range(0, 50).Select(_ => Recipient(NewId(), new { first_name = "X" }, existingOnly: false)).ToArray();
            Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients })).Status);
        }

        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(2000, messages.Count);
        var shares = messages.GroupBy(m => m.VariantName!).ToDictionary(g => g.Key, g => g.Count() / 20.0);
        Assert.InRange(shares["A"], 55, 65);
        Assert.InRange(shares["B"], 16, 24);
        Assert.InRange(shares[ControlGroup.Name], 16, 24);
        Assert.All(messages.Where(m => m.VariantName == ControlGroup.Name), m =>
        {
            Assert.Equal(MessageStatus.Control, m.Status);
            Assert.Equal(campaign.ControlVariationId, m.VariationId);
            Assert.Null(m.Channel);
        });
    }

    [Theory]
    [InlineData(MessageType.Marketing, MessageStatus.Skipped)]
    [InlineData(MessageType.Transactional, MessageStatus.Accepted)]
    public async Task Trigger_UserUnsubscribedFromEmail_GetsNoMarketingEmailButTransactionalOnes(MessageType type, MessageStatus email)
    {
        var campaign = await factory.LaunchAsync(Campaign(f => f.MessageType = type));
        var user = NewId();

        await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(user, emailSubscribe: "unsubscribed") } });

        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(email, messages.Single(m => m.Channel == Channel.Email).Status);
        Assert.Equal(MessageStatus.Accepted, messages.Single(m => m.Channel == Channel.Sms).Status);
        if (email == MessageStatus.Skipped)
        {
            Assert.Equal("unsubscribed from email (a marketing campaign)", messages.Single(m => m.Channel == Channel.Email).Reason);
        }
    }

    [Fact]
    public async Task Trigger_RetriedWithTheSameIdempotencyKey_GetsTheFirstAnswerAndWritesNothingMore()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => { f.ReeligibilityEnabled = true; f.ReeligibilityAmount = 0; }));
        var body = new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } };
        var key = Guid.NewGuid().ToString();

        var first = await _client.TriggerAsync(body, key);
        var retry = await _client.TriggerAsync(body, key);
        var otherBody = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } }, key);

        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Equal(first.DispatchId, retry.DispatchId);
        Assert.Equal(2, (await factory.MessagesOfAsync(campaign.CampaignId!)).Count);
        Assert.Equal((HttpStatusCode)422, otherBody.Status);
        Assert.Equal("Idempotency Key Reused", otherBody.Message);
    }

    [Fact]
    public async Task Trigger_KeyWithoutThePermission_Is403()
    {
        var campaign = await factory.LaunchAsync(Campaign());

        var answer = await factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey)
            .TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Access Denied", answer.Message);
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Trigger_StoppedAfterATrigger_RefusesTheNextOneAtOnce()
    {
        var campaign = await factory.LaunchAsync(Campaign());
        Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } })).Status);
        var campaigns = factory.Services.GetRequiredService<ICampaignService>();
        var current = (await campaigns.GetAsync(campaign.CampaignId!))!;
        Assert.True((await campaigns.ChangeStatusAsync(campaign.CampaignId!, CampaignAction.Stop, current.Version)).Succeeded);

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } });

        Assert.Equal("The campaign is paused. Resume the campaign in order for trigger requests to take effect.", answer.Message);
    }

    [Theory]
    [InlineData(-2, -1, "The campaign ended at")]
    [InlineData(1, 2, "The campaign starts at")]
    public async Task Trigger_OutsideTheCampaignsDates_IsRefusedSayingWhen(int startDays, int endDays, string error)
    {
        var now = DateTimeOffset.UtcNow;
        var campaign = await factory.LaunchAsync(Campaign(f => { f.StartsAt = now.AddDays(startDays); f.EndsAt = now.AddDays(endDays); }));

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(NewId()) } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Outside Campaign Schedule", answer.Message);
        Assert.StartsWith(error, answer.Errors.Single());
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Trigger_TransactionalWithoutCreateNewProfiles_RefusesUnknownUsersButSendsToKnownOnes()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => { f.MessageType = MessageType.Transactional; f.CreateNewProfiles = false; }));
        var known = NewId();
        var creating = await factory.LaunchAsync(Campaign(f => f.MessageType = MessageType.Transactional));
        Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = creating.CampaignId, recipients = new[] { NewUser(known) } })).Status);
        var unknown = NewId();

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(unknown), NewUser(known) } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Contains("does not create new profiles", answer.Errors.Single());
        Assert.Null(await factory.UserAsync(unknown));
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(2, messages.Count(m => m.Status == MessageStatus.Accepted));
    }

    [Fact]
    public async Task Launch_EndBeforeStart_IsRefusedNamingTheSchedule()
    {
        var now = DateTimeOffset.UtcNow;
        var form = Campaign(f => { f.StartsAt = now.AddDays(2); f.EndsAt = now.AddDays(1); });

        var errors = CampaignRules.Validate(form, ValidationLevel.Launch);

        Assert.Equal("The campaign's end must come after its start.", errors.For(CampaignFields.Schedule));
    }
}
