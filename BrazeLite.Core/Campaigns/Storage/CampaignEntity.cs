using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>
/// One stored campaign. Scalar fields the list filters and sorts on are columns; the channel list, tags and conversion
/// events are small JSON documents read whole. Its message variations are rows of their own
/// (<see cref="CampaignVariationEntity"/>).
/// </summary>
public sealed class CampaignEntity
{
    public int Id { get; set; }

    /// <summary>The Campaign API identifier: a lower-case UUID.</summary>
    public string CampaignId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The trimmed, lower-cased name: unique, so the database refuses duplicate names too.</summary>
    public string NormalizedName { get; set; } = "";

    public CampaignType Type { get; set; }
    public CampaignStatus Status { get; set; }
    public MessageType MessageType { get; set; }
    public string? Description { get; set; }

    /// <summary>JSON array of strings.</summary>
    public string Tags { get; set; } = "[]";

    /// <summary>JSON array of channel names, in the order added: the list shows them without a join.</summary>
    public string Channels { get; set; } = "[]";

    /// <summary>JSON array of <see cref="StoredConversionEvent"/>, the primary one first.</summary>
    public string ConversionEvents { get; set; } = "[]";

    public bool ReeligibilityEnabled { get; set; }
    public int ReeligibilityAmount { get; set; }
    public ReeligibilityUnit ReeligibilityUnit { get; set; }

    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public bool CreateNewProfiles { get; set; } = true;
    public int? ThrottlePerSecond { get; set; }

    /// <summary>Whether the campaign was ever launched: unarchiving returns it to Stopped rather than Draft.</summary>
    public bool EverLaunched { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>App-managed concurrency token, renewed on every write.</summary>
    [ConcurrencyCheck]
    public Guid Version { get; set; }

    public List<CampaignVariationEntity> Variations { get; set; } = [];
}
