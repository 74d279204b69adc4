using BrazeLite.Core.Activity;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Activity;

/// <summary>
/// A real database with one launched campaign and what the send path records (dispatches, messages, refused requests),
/// written as rows: the API tests show the send path writes them, these tests show the pages read them.
/// </summary>
internal sealed class ActivitySeed
{
    public required SqliteTestDatabase Database { get; init; }
    public required Campaign Campaign { get; init; }
    public required CampaignService Campaigns { get; init; }
    public int CampaignRowId { get; init; }

    public static async Task<ActivitySeed> CreateAsync(DashboardTestContext context, TimeProvider time, IServiceCollection services)
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var campaigns = CoreServices.Campaigns(database, time);
        var saved = await campaigns.SaveAsync(SampleCampaigns.Triggered("Basket reminder"));
        var launched = await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Launch, saved.Version!.Value);
        Assert.True(launched.Succeeded, launched.Message);
        var campaign = (await campaigns.GetAsync(saved.CampaignId!))!;
        services.AddSingleton(database);
        services.AddSingleton<ICampaignService>(campaigns);
        var activity = new ActivityLogService(database);
        services.AddSingleton(activity);
        services.AddSingleton(new UserDirectory(database, activity));
        services.AddSingleton(new DeliveryLog(database));
        return new ActivitySeed { Database = database, Campaign = campaign, Campaigns = campaigns, CampaignRowId = (await database.LoadAsync(campaign.CampaignId)).Id };
    }

    public async Task<UserEntity> UserAsync(string externalId, string email, DateTimeOffset at, string emailSubscribe = "subscribed")
    {
        var user = new UserEntity
        {
            UserId = Guid.CreateVersion7(at).ToString(),
            ExternalId = externalId,
            Email = email,
            Attributes = """{"first_name":"Ana","email":"ana@example.com"}""",
            CustomAttributes = """{"loyalty_tier":"gold","points":12}""",
            EmailSubscribe = emailSubscribe,
            CreatedAt = at,
            UpdatedAt = at,
        };
        await Database.InsertAsync([user]);
        await using var db = Database.CreateDbContext();
        return db.Users.Single(u => u.ExternalId == externalId);
    }

    /// <summary>A trigger's dispatch with one message per given row (status, variant, channel, reason).</summary>
    public async Task<string> DispatchAsync(DateTimeOffset at, UserEntity? user, string recipient, params (MessageStatus Status, string Variant, Channel? Channel, string? Reason)[] rows)
    {
        var dispatchId = Guid.CreateVersion7(at).ToString("N");
        await Database.InsertAsync([new DispatchEntity { DispatchId = dispatchId, Kind = DispatchKind.TriggerSend, CampaignRowId = CampaignRowId, SendId = "autumn", Recipients = 1, ReceivedAt = at }]);
        await Database.InsertAsync(rows.Select(r => new MessageEntity
        {
            DispatchId = dispatchId,
            CampaignRowId = CampaignRowId,
            UserRowId = user?.Id,
            Recipient = recipient,
            Status = r.Status,
            VariantName = r.Variant,
            VariationId = r.Channel is { } channel
                ? Campaign.Variations.Single(v => v.Name == r.Variant && v.Channel == channel).VariationId
                : Campaign.Control!.VariationId,
            Channel = r.Channel,
            Reason = r.Reason,
            CreatedAt = at,
        }));
        return dispatchId;
    }

    /// <summary>Marks the message of <paramref name="dispatchId"/> on <paramref name="channel"/> as the dispatcher leaves it.</summary>
    public async Task<long> DeliveredAsync(string dispatchId, Channel channel, DeliveryState state, OutboundContent? content, DateTimeOffset at,
        string? error = null, params string[] attempts)
    {
        await using var db = Database.CreateDbContext();
        var messageId = db.Messages.Single(m => m.DispatchId == dispatchId && m.Channel == channel).Id;
        await Database.InsertAsync([new DeliveryEntity
        {
            MessageId = messageId, State = state, Attempts = Math.Max(1, attempts.Length), Sender = state == DeliveryState.Captured ? "capture" : "smtp",
            Content = content?.ToJson(), Error = error, CreatedAt = at, UpdatedAt = at,
        }]);
        await Database.InsertAsync(attempts.Select((outcome, i) => new DeliveryAttemptEntity
        {
            MessageId = messageId, Number = i + 1, At = at, Outcome = outcome, Retried = i < attempts.Length - 1,
        }));
        return messageId;
    }

    public Task RejectedAsync(DateTimeOffset at, string message, string error) =>
        Database.InsertAsync([new ApiRequestEntity
        {
            ReceivedAt = at, Endpoint = SendService.TriggerSendEndpoint, StatusCode = 400, Message = message,
            Errors = System.Text.Json.JsonSerializer.Serialize(new[] { error }), CampaignId = Campaign.CampaignId,
        }]);
}
