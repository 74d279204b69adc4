namespace BrazeLite.Core.Campaigns;

/// <summary>
/// A stored campaign as everything that only reads it sees it (the campaign page, the previews, the handoff, the API,
/// the dispatcher): immutable, with typed per-channel messages. The editor edits a <see cref="CampaignForm"/> instead.
/// </summary>
public sealed record Campaign
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxVariants = 8;
    public const int MaxConversionEvents = 4;

    /// <summary>The Campaign API identifier: a lower-case UUID.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The concurrency token: a write naming another version is refused.</summary>
    public required Guid Version { get; init; }

    public required CampaignType Type { get; init; }
    public required CampaignStatus Status { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Marketing or transactional; API campaigns are always marketing.</summary>
    public MessageType MessageType { get; init; }

    /// <summary>The campaign's channels, in the order they were added.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>API-triggered: the variants in order, each with one message per channel.</summary>
    public IReadOnlyList<CampaignVariant> Variants { get; init; } = [];

    /// <summary>API-triggered: the control group, when there is one.</summary>
    public ControlGroup? Control { get; init; }

    /// <summary>API campaigns: one message variation ID per channel.</summary>
    public IReadOnlyList<ApiChannel> ApiChannels { get; init; } = [];

    public Reeligibility Reeligibility { get; init; } = Reeligibility.Once;

    /// <summary>API-triggered: calls before this time fail; null means from launch.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>API-triggered: calls after this time fail; null means no end.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>
    /// Whether a call may create a profile it names that does not exist yet. Transactional campaigns have the switch;
    /// marketing ones always may (through <c>send_to_existing_only: false</c>).
    /// </summary>
    public bool CreateNewProfiles { get; init; } = true;

    /// <summary>The most messages per second the dispatcher delivers for this campaign (AJO's "Throttle delivery"); null for no limit.</summary>
    public int? ThrottlePerSecond { get; init; }

    /// <summary>The range AJO allows for "Throttle delivery".</summary>
    public const int MinThrottle = 1;
    public const int MaxThrottle = 2000;

    /// <summary>Why a call at <paramref name="now"/> is outside the campaign's dates, or null when it is inside them.</summary>
    public string? OutsideSchedule(DateTimeOffset now) =>
        StartsAt is { } start && now < start ? $"The campaign starts at {start.UtcDateTime:yyyy-MM-dd HH:mm} UTC; calls before then are refused."
        : EndsAt is { } end && now >= end ? $"The campaign ended at {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC; calls after then are refused."
        : null;

    /// <summary>At most four, the primary one first.</summary>
    public IReadOnlyList<ConversionEvent> ConversionEvents { get; init; } = [];

    /// <summary>Whether the campaign was ever launched: unarchiving returns it to Stopped rather than Draft.</summary>
    public bool EverLaunched { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Every message variation of the campaign, each with its own <c>message_variation_id</c>: every variant's message
    /// per channel, then the control group (API-triggered), or every channel (API campaign).
    /// </summary>
    public IReadOnlyList<Variation> Variations =>
    [
        .. Variants.SelectMany(v => v.Messages.Where(m => m.MessageVariationId is not null)
            .Select(m => new Variation(m.MessageVariationId!, VariationKind.Variant, m.Channel, v.Name, v.Percentage, v.Index))),
        .. Control is { } control
            ? [new Variation(control.VariationId, VariationKind.Control, null, ControlGroup.Name, control.Percentage, Variants.Count)]
            : Array.Empty<Variation>(),
        .. ApiChannels.Select((c, i) => new Variation(c.MessageVariationId, VariationKind.ApiChannel, c.Channel, ChannelInfo.Label(c.Channel), 0, i)),
    ];

    /// <summary>The variation with this ID (case-insensitive), or null.</summary>
    public Variation? FindVariation(string messageVariationId) =>
        Variations.FirstOrDefault(v => string.Equals(v.VariationId, messageVariationId.Trim(), StringComparison.OrdinalIgnoreCase));
}
