namespace BrazeLite.Core.Campaigns;

/// <summary>One templated field of a message with its source: what the preview renders and the launch check parses.</summary>
public sealed record TemplateSource(ChannelField Field, string Source);
