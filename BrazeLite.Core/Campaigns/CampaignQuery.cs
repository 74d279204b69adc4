namespace BrazeLite.Core.Campaigns;

/// <summary>
/// A list query. <see cref="Search"/> matches a name (case-insensitive, substring) or a campaign ID (prefix).
/// <see cref="Page"/> is zero-based.
/// </summary>
public sealed record CampaignQuery(
    string? Search = null,
    CampaignType? Type = null,
    CampaignStatus? Status = null,
    CampaignSort Sort = CampaignSort.LastEditedDesc,
    int Page = 0,
    int PageSize = 25)
{
    public const int MaxPageSize = 200;
}
