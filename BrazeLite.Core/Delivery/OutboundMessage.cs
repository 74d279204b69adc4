using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Delivery;

/// <summary>A message the dispatcher has claimed: what acceptance recorded, with the recipient's profile as it is now.</summary>
/// <param name="MessageId">Its row in <c>Messages</c>.</param>
/// <param name="Attempt">The attempt this claim begins (1 for the first).</param>
/// <param name="Interrupted">Whether an earlier attempt was cut off by a stop (it may have reached the provider).</param>
/// <param name="TriggerProperties">The trigger properties (or AJO context) as JSON.</param>
/// <param name="Content">A <c>/messages/send</c> messaging object as JSON; null for a campaign's own copy.</param>
public sealed record OutboundMessage(
    long MessageId,
    string DispatchId,
    Channel Channel,
    int Attempt,
    bool Interrupted,
    int? CampaignRowId,
    string? VariationId,
    string? VariantName,
    string Recipient,
    UserProfile? User,
    string? TriggerProperties,
    string? Content,
    DateTimeOffset AcceptedAt);
