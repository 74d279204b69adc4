namespace BrazeLite.Core.Campaigns;

public sealed record CampaignListItem(
    string CampaignId,
    string Name,
    CampaignType Type,
    CampaignStatus Status,
    IReadOnlyList<Channel> Channels,
    DateTimeOffset LastEdited,
    Guid Version)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
}
