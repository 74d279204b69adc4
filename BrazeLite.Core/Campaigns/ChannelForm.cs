namespace BrazeLite.Core.Campaigns;

public sealed class ChannelForm
{
    public Channel Channel { get; set; }

    /// <summary>API campaigns: the channel's message variation ID (lower-case UUID v4).</summary>
    public string? MessageVariationId { get; set; }
}
