namespace BrazeLite.Core.Campaigns;

/// <summary>A channel of an API campaign and the message variation ID a request names it by.</summary>
public sealed record ApiChannel(Channel Channel, string MessageVariationId);
