namespace BrazeLite.Core.Campaigns;

/// <summary>A webhook request header; its value may be Liquid.</summary>
public sealed record WebhookHeader(string Name, string Value);
