namespace BrazeLite.Core.Campaigns;

/// <summary>Where a campaign is in its life; only an Active campaign accepts sends.</summary>
public enum CampaignStatus
{
    Draft,
    Active,
    Stopped,
    Archived,
}
