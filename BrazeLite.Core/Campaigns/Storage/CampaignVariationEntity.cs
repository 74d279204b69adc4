namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>
/// One message variation of a campaign: a variant's message for one channel, the control group, or an API campaign's
/// channel. <see cref="VariationId"/> is unique across all campaigns, so a request's <c>message_variation_id</c> finds
/// its campaign, kind and channel with one index lookup, and reports and the activity log can refer to the row.
/// </summary>
public sealed class CampaignVariationEntity
{
    public int Id { get; set; }

    /// <summary>The owning <see cref="CampaignEntity.Id"/>.</summary>
    public int CampaignRowId { get; set; }

    public CampaignEntity? Campaign { get; set; }

    /// <summary>The <c>message_variation_id</c>; null only for a variant whose channels are not chosen yet (a draft).</summary>
    public string? VariationId { get; set; }

    public VariationKind Kind { get; set; }

    /// <summary>The message's channel; null for the control group and for a variant without channels.</summary>
    public Channel? Channel { get; set; }

    /// <summary>The variant's name ("Control group" for the control group, the channel's label for an API campaign's channel).</summary>
    public string Name { get; set; } = "";

    /// <summary>The variant's (or control group's) share of users, repeated on each of the variant's messages.</summary>
    public int Percentage { get; set; }

    /// <summary>The variant's place (the control group after the variants), or the API channel's place.</summary>
    public int SortOrder { get; set; }

    /// <summary>The message's fields as a <see cref="StoredMessage"/> JSON document; null for the control group and API channels.</summary>
    public string? Message { get; set; }
}
