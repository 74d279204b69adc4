using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>One messaging object of a <c>/messages/send</c> request: its channel, its content as sent, its variation ID.</summary>
public sealed record MessagingObject(Channel Channel, JsonObject Content, string? MessageVariationId);

/// <summary><c>recipient_subscription_state</c>: which users a <c>/messages/send</c> may reach on email and push.</summary>
public enum RecipientSubscriptionState
{
    /// <summary>Subscribed or opted in (Braze's default).</summary>
    Subscribed,

    /// <summary>Only users who opted in.</summary>
    OptedIn,

    /// <summary>Everyone, unsubscribed users included (transactional messages).</summary>
    All,
}

/// <summary>A well-formed <c>/messages/send</c> request (the endpoint has checked its shape, limits and each channel's fields).</summary>
public sealed record MessagesSendRequest(
    string? CampaignId,
    IReadOnlyList<UserKey> Recipients,
    IReadOnlyList<MessagingObject> Messages,
    string? SendId = null,
    RecipientSubscriptionState SubscriptionState = RecipientSubscriptionState.Subscribed,
    bool Broadcast = false);
