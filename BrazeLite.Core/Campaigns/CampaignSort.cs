namespace BrazeLite.Core.Campaigns;

public enum CampaignSort
{
    LastEditedDesc,
    LastEditedAsc,
    NameAsc,
    NameDesc,
    StatusAsc,
    TypeAsc,
    StatusDesc,
    TypeDesc,
}
