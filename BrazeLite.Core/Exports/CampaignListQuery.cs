namespace BrazeLite.Core.Exports;

/// <summary><c>GET /campaigns/list</c>'s parameters: pages of 100 by creation time, archived ones only when asked.</summary>
public sealed record CampaignListQuery(int Page = 0, bool IncludeArchived = false, bool Descending = false, DateTimeOffset? EditedAfter = null)
{
    public const int PageSize = 100;
}

/// <summary>One campaign as <c>/campaigns/list</c> names it.</summary>
public sealed record CampaignListEntry(string CampaignId, string Name, DateTimeOffset LastEdited, bool IsApiCampaign, IReadOnlyList<string> Tags);

/// <summary>When the campaign's first and last accepted messages were recorded (null before any).</summary>
public sealed record CampaignSendTimes(DateTimeOffset? FirstSent, DateTimeOffset? LastSent);
