using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrazeLite.Core.Ingest;

/// <summary>What a broadcast makes each user's messages from: a trigger's properties, or <c>/messages/send</c>'s messaging objects.</summary>
public sealed record BroadcastPayload(
    JsonObject? TriggerProperties = null,
    IReadOnlyList<MessagingObject>? Messages = null,
    RecipientSubscriptionState SubscriptionState = RecipientSubscriptionState.Subscribed)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static BroadcastPayload FromJson(string json) => JsonSerializer.Deserialize<BroadcastPayload>(json) ?? new BroadcastPayload();
}
