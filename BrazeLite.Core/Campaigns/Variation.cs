namespace BrazeLite.Core.Campaigns;

/// <summary>One message variation: what a <c>message_variation_id</c> stands for.</summary>
/// <param name="VariationId">The <c>message_variation_id</c>, unique across all campaigns.</param>
/// <param name="Kind">A variant's message for one channel, the control group, or an API campaign's channel.</param>
/// <param name="Channel">Its channel; null for the control group.</param>
/// <param name="Name">The variant's name, "Control group", or the channel's label.</param>
/// <param name="Percentage">The variant's (or control group's) share of users; 0 for an API campaign's channel.</param>
/// <param name="Order">The variant's place (the control group comes after the variants), or the API channel's place.</param>
public sealed record Variation(string VariationId, VariationKind Kind, Channel? Channel, string Name, int Percentage, int Order);
