namespace BrazeLite.Core.Campaigns;

/// <summary>
/// The write model: what the campaign editor binds to, for both campaign types. The same class travels to
/// <see cref="ICampaignService.SaveAsync"/>, which validates it again with <see cref="CampaignRules"/>. Everything
/// that only reads a campaign reads the immutable <see cref="Campaign"/> instead.
/// </summary>
public sealed class CampaignForm
{
    /// <summary>The Campaign API identifier (lower-case UUID); null until first saved.</summary>
    public string? CampaignId { get; set; }

    /// <summary>The concurrency token read with the campaign; null for a new campaign.</summary>
    public Guid? Version { get; set; }

    public CampaignType Type { get; set; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>API-triggered only.</summary>
    public MessageType MessageType { get; set; } = MessageType.Marketing;

    /// <summary>
    /// The channels in the order added. For an API campaign each carries its message variation ID; for an
    /// API-triggered campaign the IDs live on each variant's messages.
    /// </summary>
    public List<ChannelForm> Channels { get; set; } = [];

    /// <summary>API-triggered only: one to eight variants.</summary>
    public List<VariantForm> Variants { get; set; } = [];

    public bool HasControlGroup { get; set; }
    public int ControlPercentage { get; set; }

    /// <summary>The control group's variation ID, minted when the control group is added.</summary>
    public string? ControlVariationId { get; set; }

    /// <summary>API-triggered only. Off means a user receives the campaign once.</summary>
    public bool ReeligibilityEnabled { get; set; }
    public int ReeligibilityAmount { get; set; }
    public ReeligibilityUnit ReeligibilityUnit { get; set; } = ReeligibilityUnit.Days;

    /// <summary>API-triggered only: calls before this time fail (AJO's "Campaign start"); null means at once.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>API-triggered only: calls after this time fail (AJO's "Campaign end"); null means never.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>API-triggered transactional only: whether a call naming an unknown profile may create it ("Create new profiles").</summary>
    public bool CreateNewProfiles { get; set; } = true;

    /// <summary>API-triggered only: the most messages per second delivered for the campaign (AJO's "Throttle delivery"); null for no limit.</summary>
    public int? ThrottlePerSecond { get; set; }

    /// <summary>At most four, in order; the first is the primary one.</summary>
    public List<ConversionEventForm> ConversionEvents { get; set; } = [];
}
