namespace BrazeLite.Core.Campaigns;

/// <summary>The lifecycle actions a marketer can take on a campaign.</summary>
public enum CampaignAction
{
    Launch,
    Stop,
    Resume,
    Archive,
    Unarchive,
}
