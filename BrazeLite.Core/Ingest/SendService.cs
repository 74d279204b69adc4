using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// The send path's front: the fatal checks Braze makes before anything is written (the campaign exists, has the right
/// type and is active), then the one writer. A fatal answer writes no message.
/// </summary>
public sealed partial class SendService(CampaignDirectory campaigns, IngestWriter writer, BroadcastRunner broadcasts, TimeProvider time, ILogger<SendService> logger)
{
    public const string TriggerSendEndpoint = "POST /campaigns/trigger/send";
    public const string MessagesSendEndpoint = "POST /messages/send";
    public const string AjoExecutionEndpoint = "POST /ajo/im/executions/unitary";
    public const string TestSendEndpoint = "Send test (campaign editor)";

    /// <summary>The door a dispatch came through, as the activity log names it.</summary>
    public static string EndpointOf(DispatchKind kind) => kind switch
    {
        DispatchKind.MessagesSend => MessagesSendEndpoint,
        DispatchKind.AjoExecution => AjoExecutionEndpoint,
        DispatchKind.TestSend => TestSendEndpoint,
        _ => TriggerSendEndpoint,
    };

    public async Task<SendAnswer> TriggerAsync(TriggerSendRequest request, SendCaller caller, CancellationToken ct = default)
    {
        var endpoint = EndpointOf(request.Kind);
        var target = await campaigns.FindAsync(request.CampaignId, ct);
        if ((Refusal(target, request.CampaignId) ?? ScheduleRefusal(target!.Campaign)) is { } refusal)
        {
            LogRefused(logger, endpoint, request.CampaignId, refusal.Message);
            Record(endpoint, refusal, caller, request.CampaignId);
            return refusal;
        }
        if (request.Broadcast)
        {
            return await BroadcastAsync(new StartBroadcastCommand(request.Kind, target, new BroadcastPayload(request.TriggerProperties), request.SendId, caller), endpoint, ct);
        }
        var answer = await writer.SubmitAsync(new TriggerSendCommand(request, target!, caller), ct);
        LogAccepted(logger, endpoint, target!.Campaign.CampaignId, answer.DispatchId ?? "(replayed)", request.Recipients.Count);
        return answer;
    }

    /// <summary>
    /// Accepts a <c>/messages/send</c>. With a <c>campaign_id</c> the campaign must be an active API campaign and every
    /// messaging object must name one of its variation IDs for that channel (Braze's three variant errors otherwise).
    /// </summary>
    public async Task<SendAnswer> SendMessagesAsync(MessagesSendRequest request, SendCaller caller, CancellationToken ct = default)
    {
        CampaignTarget? target = null;
        if (request.CampaignId is { } campaignId)
        {
            target = await campaigns.FindAsync(campaignId, ct);
            if ((ApiCampaignRefusal(target, campaignId) ?? VariantRefusal(target!.Campaign, request.Messages)) is { } refusal)
            {
                LogRefused(logger, MessagesSendEndpoint, campaignId, refusal.Message);
                Record(MessagesSendEndpoint, refusal, caller, campaignId);
                return refusal;
            }
        }
        if (request.Broadcast)
        {
            var payload = new BroadcastPayload(Messages: request.Messages, SubscriptionState: request.SubscriptionState);
            return await BroadcastAsync(new StartBroadcastCommand(DispatchKind.MessagesSend, target, payload, request.SendId, caller), MessagesSendEndpoint, ct);
        }
        var answer = await writer.SubmitAsync(new MessagesSendCommand(request, target, caller), ct);
        LogAccepted(logger, MessagesSendEndpoint, request.CampaignId ?? "(none)", answer.DispatchId ?? "(replayed)", request.Recipients.Count);
        return answer;
    }

    /// <summary>Accepts a broadcast (committed before the answer) and starts working it through in the background.</summary>
    private async Task<SendAnswer> BroadcastAsync(StartBroadcastCommand start, string endpoint, CancellationToken ct)
    {
        var answer = await writer.SubmitAsync(start, ct);
        if (answer.Accepted && answer.DispatchId is { } dispatchId)
        {
            broadcasts.Start(dispatchId);
            LogBroadcast(logger, endpoint, dispatchId);
        }
        return answer;
    }

    /// <summary>Applies a <c>/users/track</c> request; answered once it is committed.</summary>
    public async Task<TrackUsersAnswer> TrackAsync(TrackUsersRequest request, CancellationToken ct = default)
    {
        var answer = await writer.SubmitAsync(new TrackUsersCommand(request), ct);
        LogTracked(logger, answer.AttributesProcessed ?? 0, answer.EventsProcessed ?? 0, answer.PurchasesProcessed ?? 0, answer.Errors?.Count ?? 0);
        return answer;
    }

    /// <summary>Records a refused request in the activity log without waiting for it: the answer does not depend on it.</summary>
    public void Record(string endpoint, SendAnswer answer, SendCaller? caller, string? campaignId) =>
        _ = writer.SubmitAsync(new RecordRequestCommand(endpoint, answer, caller?.ApiKeyId, campaignId, time.GetUtcNow()))
            .ContinueWith(t => LogRecordFailed(logger, t.Exception!), TaskContinuationOptions.OnlyOnFaulted);

    private static SendAnswer? ApiCampaignRefusal(CampaignTarget? target, string campaignId)
    {
        if (target is null || target.Campaign.Type != CampaignType.Api)
        {
            return SendAnswer.Fatal("Invalid Campaign ID",
                target is null
                    ? $"No campaign has the campaign_id \"{campaignId}\"."
                    : $"\"{target.Campaign.Name}\" is an API-triggered campaign: its copy lives in the dashboard, so trigger it with POST /campaigns/trigger/send.");
        }
        return StatusRefusal(target.Campaign.Status, "send requests");
    }

    private static SendAnswer? VariantRefusal(Campaign campaign, IReadOnlyList<MessagingObject> messages)
    {
        foreach (var message in messages)
        {
            var key = ChannelInfo.ApiKey(message.Channel);
            if (message.MessageVariationId is not { } id)
            {
                return SendAnswer.Fatal("Message Variant Unspecified",
                    $"messages.{key} needs the message_variation_id of the campaign's {ChannelInfo.Label(message.Channel)} channel (on the campaign page).");
            }
            if (campaign.FindVariation(id) is not { } variation)
            {
                return SendAnswer.Fatal("Invalid Message Variant", $"messages.{key}.message_variation_id \"{id}\" is not a variation of \"{campaign.Name}\".");
            }
            if (variation.Channel != message.Channel)
            {
                return SendAnswer.Fatal("Mismatched Message Type",
                    $"messages.{key}.message_variation_id \"{id}\" is the campaign's {(variation.Channel is { } c ? ChannelInfo.Label(c) : variation.Name)} variation, not its {ChannelInfo.Label(message.Channel)} one.");
            }
        }
        return null;
    }

    private SendAnswer? ScheduleRefusal(Campaign campaign) =>
        campaign.OutsideSchedule(time.GetUtcNow()) is { } outside ? SendAnswer.Fatal("Outside Campaign Schedule", outside) : null;

    private static SendAnswer? StatusRefusal(CampaignStatus status, string what) => status switch
    {
        CampaignStatus.Active => null,
        CampaignStatus.Draft => SendAnswer.Fatal($"The campaign is a draft. Launch the campaign in order for {what} to take effect."),
        CampaignStatus.Stopped => SendAnswer.Fatal($"The campaign is paused. Resume the campaign in order for {what} to take effect."),
        _ => SendAnswer.Fatal($"The campaign is archived. Unarchive the campaign in order for {what} to take effect."),
    };

    private static SendAnswer? Refusal(CampaignTarget? target, string campaignId)
    {
        if (target is null || target.Campaign.Type != CampaignType.ApiTriggered)
        {
            return SendAnswer.Fatal("Invalid Campaign ID",
                target is null
                    ? $"No campaign has the campaign_id \"{campaignId}\"."
                    : $"\"{target.Campaign.Name}\" is an API campaign: send its messages with POST /messages/send.");
        }
        return StatusRefusal(target.Campaign.Status, "trigger requests");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} refused for campaign {CampaignId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string endpoint, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Endpoint} accepted for campaign {CampaignId}: dispatch {DispatchId}, {Recipients} recipient(s)")]
    private static partial void LogAccepted(ILogger logger, string endpoint, string campaignId, string dispatchId, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} broadcast accepted: dispatch {DispatchId}")]
    private static partial void LogBroadcast(ILogger logger, string endpoint, string dispatchId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "users/track applied: {Attributes} attribute, {Events} event and {Purchases} purchase object(s), {Errors} problem(s)")]
    private static partial void LogTracked(ILogger logger, int attributes, int events, int purchases, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A refused request could not be recorded in the activity log")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
