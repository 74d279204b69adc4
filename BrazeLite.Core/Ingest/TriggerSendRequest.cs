using System.Text.Json.Nodes;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>One recipient of a trigger: who, their own trigger properties, and the attributes to set first.</summary>
public sealed record TriggerRecipient(UserKey Key, JsonObject? TriggerProperties = null, bool SendToExistingOnly = true, JsonObject? Attributes = null);

/// <summary>A well-formed <c>/campaigns/trigger/send</c> request (the endpoint has checked its shape and limits).</summary>
public sealed record TriggerSendRequest(
    string CampaignId,
    IReadOnlyList<TriggerRecipient> Recipients,
    JsonObject? TriggerProperties = null,
    string? SendId = null,
    bool Broadcast = false,
    DispatchKind Kind = DispatchKind.TriggerSend,
    string? RequestId = null)
{
    /// <summary><see cref="TriggerProperties"/> as stored (<see cref="Json.Write"/>), when the reader has written it already.</summary>
    public string? TriggerPropertiesJson { get; init; }
}
