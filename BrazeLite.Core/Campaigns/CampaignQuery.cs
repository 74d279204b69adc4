namespace BrazeLite.Core.Campaigns;

/// <summary>
/// A list query. <see cref="Search"/> matches a name or a tag (case-insensitive, substring) or a campaign ID (prefix);
/// <see cref="Tag"/> keeps the campaigns with that tag (case-insensitive). <see cref="IncludeArchived"/> false leaves archived
/// campaigns out unless <see cref="Status"/> asks for them. <see cref="Page"/> is zero-based.
/// </summary>
public sealed record CampaignQuery(
    string? Search = null,
    CampaignType? Type = null,
    CampaignStatus? Status = null,
    CampaignSort Sort = CampaignSort.LastEditedDesc,
    int Page = 0,
    int PageSize = 25,
    string? Tag = null,
    bool IncludeArchived = true)
{
    public const int MaxPageSize = 200;
}
