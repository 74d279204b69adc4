namespace BrazeLite.Core.Campaigns;

/// <summary>One variant of an API-triggered campaign: its share of users and its message for each of the campaign's channels.</summary>
/// <param name="Index">Its place among the campaign's variants, from 0.</param>
public sealed record CampaignVariant(int Index, string Name, int Percentage, IReadOnlyList<ChannelMessage> Messages)
{
    /// <summary>The variant's message for <paramref name="channel"/>, or null when it has none yet.</summary>
    public ChannelMessage? MessageFor(Channel channel) => Messages.FirstOrDefault(m => m.Channel == channel);
}
