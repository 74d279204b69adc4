namespace BrazeLite.Core.Campaigns;

/// <summary>API campaigns carry the developer's content; API-triggered campaigns hold the marketer's templates.</summary>
public enum CampaignType
{
    Api,
    ApiTriggered,
}
