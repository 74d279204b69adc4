namespace BrazeLite.Core.Campaigns;

/// <summary>One page of the campaign list and how many campaigns match in all.</summary>
public sealed record CampaignPage(IReadOnlyList<CampaignListItem> Items, int TotalCount);
