using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Accepts a <c>/messages/send</c> inside the writer: finds each named user (it creates no one), checks their address
/// and subscription state per messaging object, and records one row per recipient and channel with the content as sent.
/// Without a campaign the rows belong to no campaign's statistics.
/// </summary>
public sealed class MessagesSendCommand(MessagesSendRequest request, CampaignTarget? target, SendCaller caller) : IIngestCommand<SendAnswer>
{
    public SendAnswer Execute(IngestSession session)
    {
        var store = session.Store;
        if (Idempotency.Replay(store, caller) is { } replay)
        {
            return replay;
        }
        var now = session.Now;
        var dispatchId = TimeOrderedIds.New(now).ToString("N");
        var errors = new List<string>();
        var done = new HashSet<int>();
        var messages = new List<MessageEntity>(request.Recipients.Count * request.Messages.Count);
        var contents = request.Messages.Select(m => Json.Write(m.Content)).ToList();
        foreach (var key in request.Recipients)
        {
            var user = store.FindUser(key);
            if (user is not null && !done.Add(user.RowId))
            {
                continue; // named twice (or by an external ID and an alias of the same user): sent once
            }
            AddRows(request, contents, target?.RowId, dispatchId, user, key.ToString(), now, messages);
            if (user is null)
            {
                errors.Add($"no user has {key}");
            }
        }
        store.AddDispatch(new DispatchEntity
        {
            DispatchId = dispatchId,
            Kind = DispatchKind.MessagesSend,
            CampaignRowId = target?.RowId,
            SendId = request.SendId,
            ApiKeyId = caller.ApiKeyId,
            Broadcast = request.Broadcast,
            Recipients = request.Recipients.Count,
            Errors = errors.Count > 0 ? System.Text.Json.JsonSerializer.Serialize(errors) : null,
            ReceivedAt = now,
        });
        foreach (var row in messages)
        {
            store.AddMessage(row);
        }
        var answer = new SendAnswer(201, SendAnswer.Success, dispatchId, request.SendId, errors.Count > 0 ? errors : null);
        Idempotency.Remember(store, caller, answer, now);
        return answer;
    }

    /// <summary>One row per messaging object for one user (or for a name no user has), with what may reach them.</summary>
    internal static void AddRows(MessagesSendRequest request, IReadOnlyList<string> contents, int? campaignRowId, string dispatchId,
        UserProfile? user, string recipient, DateTimeOffset now, List<MessageEntity> messages)
    {
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            var refusal = user is null ? $"no user has {recipient}" : Refusal(message.Channel, user, request.SubscriptionState);
            messages.Add(new MessageEntity
            {
                DispatchId = dispatchId,
                CampaignRowId = campaignRowId,
                VariationId = message.MessageVariationId,
                VariantName = ChannelInfo.Label(message.Channel),
                Channel = message.Channel,
                UserRowId = user?.RowId,
                Recipient = recipient,
                Content = contents[i],
                CreatedAt = now,
                Status = refusal is null ? MessageStatus.Accepted : MessageStatus.Skipped,
                Reason = refusal,
            });
        }
    }

    /// <summary>
    /// Why the channel may not reach the user under <c>recipient_subscription_state</c>, or null: an address is needed,
    /// and email and push follow the state asked for (<c>all</c> reaches unsubscribed users too).
    /// </summary>
    public static string? Refusal(Channel channel, UserProfile user, RecipientSubscriptionState wanted)
    {
        if (Consent.Refusal(MessageType.Transactional, channel, user) is { } missing)
        {
            return missing;
        }
        SubscriptionState? state = channel == Channel.Email ? user.EmailSubscribe : ChannelInfo.IsPush(channel) ? user.PushSubscribe : null;
        if (channel != Channel.Email && !ChannelInfo.IsPush(channel))
        {
            return null;
        }
        var name = channel == Channel.Email ? "email" : "push";
        return wanted switch
        {
            RecipientSubscriptionState.All => null,
            RecipientSubscriptionState.OptedIn when state != SubscriptionState.OptedIn =>
                $"not opted in to {name} (recipient_subscription_state: opted_in)",
            RecipientSubscriptionState.Subscribed when state == SubscriptionState.Unsubscribed =>
                $"unsubscribed from {name} (recipient_subscription_state: subscribed)",
            _ => null,
        };
    }
}
