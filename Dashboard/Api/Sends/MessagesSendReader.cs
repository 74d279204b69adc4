using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Users;

namespace Dashboard.Api.Sends;

/// <summary>
/// Turns a <c>/messages/send</c> body into a request, or into Braze's fatal error naming the first fault. The checks
/// that need the campaign (its type, status and variation IDs) are the send service's.
/// </summary>
public static class MessagesSendReader
{
    public static (MessagesSendRequest? Request, SendAnswer? Error) Read(JsonObject body)
    {
        string? campaignId = null;
        if (body["campaign_id"] is { } idNode)
        {
            if (!JsonText.IsText(idNode, out var id))
            {
                return Fail(TriggerSendReader.BadCampaignId);
            }
            campaignId = id.Trim();
        }
        foreach (var key in new[] { "segment_id", "audience" }.Where(body.ContainsKey))
        {
            return Fail("Bad Request", $"{key} is not supported by BrazeLite; name the recipients in \"external_user_ids\" or \"user_aliases\", or send \"broadcast\": true.");
        }
        if (TriggerSendReader.ReadSendId(body, out var sendId) is { } sendIdError)
        {
            return Fail("Bad Request", sendIdError);
        }
        var broadcast = false;
        if (body["broadcast"] is { } broadcastNode)
        {
            if (broadcastNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("Bad Request", "broadcast must be true or false.");
            }
            broadcast = broadcastNode.GetValue<bool>();
        }
        if (body["override_frequency_capping"] is { } capping && capping.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Fail("Bad Request", "override_frequency_capping must be true or false.");
        }
        var state = RecipientSubscriptionState.Subscribed;
        if (body["recipient_subscription_state"] is { } stateNode)
        {
            state = (stateNode as JsonValue)?.GetValueKind() == JsonValueKind.String ? stateNode.GetValue<string>() switch
            {
                "subscribed" => RecipientSubscriptionState.Subscribed,
                "opted_in" => RecipientSubscriptionState.OptedIn,
                "all" => RecipientSubscriptionState.All,
                _ => (RecipientSubscriptionState)(-1),
            } : (RecipientSubscriptionState)(-1);
            if (!Enum.IsDefined(state))
            {
                return Fail("Bad Request", "recipient_subscription_state must be \"opted_in\", \"subscribed\" or \"all\".");
            }
        }

        var (recipients, recipientError) = ReadRecipients(body);
        if (recipientError is not null)
        {
            return (null, recipientError);
        }
        if (broadcast && recipients!.Count > 0)
        {
            return Fail("Bad Request", "broadcast: true sends to every user, so it cannot be combined with external_user_ids or user_aliases; remove one of them.");
        }
        if (!broadcast && recipients!.Count == 0)
        {
            return Fail(TriggerSendReader.NoRecipients, "Name at least one user in \"external_user_ids\" or \"user_aliases\", or send \"broadcast\": true.");
        }

        if (body["messages"] is not JsonObject messagesNode || messagesNode.Count == 0)
        {
            return Fail("No message to send", "Add a \"messages\" object with one messaging object per channel, such as \"email\" or \"sms\".");
        }
        var messages = new List<MessagingObject>(messagesNode.Count);
        foreach (var (key, node) in messagesNode)
        {
            if (!ChannelInfo.TryParse(key, out var channel))
            {
                return Fail("Bad Request", $"messages.{key} is not a channel BrazeLite sends; use {string.Join(", ", ChannelInfo.All.Select(ChannelInfo.ApiKey))}.");
            }
            var (message, error) = MessagingObjectReader.Read(channel, node);
            if (error is not null)
            {
                return (null, error);
            }
            messages.Add(message!);
        }
        if (campaignId is null && messages.FirstOrDefault(m => m.MessageVariationId is not null) is { } orphan)
        {
            return Fail("Bad Request", $"messages.{ChannelInfo.ApiKey(orphan.Channel)}.message_variation_id needs the campaign_id it belongs to.");
        }
        return (new MessagesSendRequest(campaignId, recipients!, messages, sendId, state, broadcast), null);
    }

    private static (List<UserKey>?, SendAnswer?) ReadRecipients(JsonObject body)
    {
        var keys = new List<UserKey>();
        if (body["external_user_ids"] is { } idsNode)
        {
            if (idsNode is not JsonArray ids)
            {
                return (null, SendAnswer.Fatal("Bad Request", "external_user_ids must be an array of strings."));
            }
            for (var i = 0; i < ids.Count; i++)
            {
                if (!JsonText.IsText(ids[i], out var id) || id.Length > UserLimits.MaxIdLength)
                {
                    return (null, SendAnswer.Fatal("Bad Request", $"external_user_ids[{i}] must be a non-empty string of at most {UserLimits.MaxIdLength} characters."));
                }
                keys.Add(UserKey.External(id));
            }
        }
        if (body["user_aliases"] is { } aliasesNode)
        {
            if (aliasesNode is not JsonArray aliases)
            {
                return (null, SendAnswer.Fatal("Bad Request", "user_aliases must be an array of {\"alias_name\", \"alias_label\"} objects."));
            }
            for (var i = 0; i < aliases.Count; i++)
            {
                if (aliases[i] is not JsonObject a || !JsonText.IsText(a["alias_name"], out var name) || !JsonText.IsText(a["alias_label"], out var label))
                {
                    return (null, SendAnswer.Fatal("Bad Request", $"user_aliases[{i}] must be {{\"alias_name\": \"...\", \"alias_label\": \"...\"}}."));
                }
                keys.Add(UserKey.Alias(label, name));
            }
        }
        if (keys.Count > SendLimits.MaxRecipients)
        {
            return (null, SendAnswer.Fatal(TriggerSendReader.TooManyRecipients, $"The request names {keys.Count} users; at most {SendLimits.MaxRecipients} external IDs and aliases together."));
        }
        return (keys.Distinct().ToList(), null);
    }

    private static (MessagesSendRequest?, SendAnswer?) Fail(string message, params string[] errors) => (null, SendAnswer.Fatal(message, errors));
}
