namespace Dashboard.Campaigns;

/// <summary>
/// What the campaign editor binds to, for both campaign types. The same class travels to
/// <see cref="ICampaignService.SaveAsync"/>, which validates it again with <see cref="CampaignValidator"/>.
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
    /// The channels in the order added. For an API campaign each carries its message variation ID;
    /// for an API-triggered campaign the IDs live on the variants.
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

    /// <summary>At most four, in order; the first is the primary one.</summary>
    public List<ConversionEventForm> ConversionEvents { get; set; } = [];
}

public sealed class ChannelForm
{
    public Channel Channel { get; set; }

    /// <summary>API campaigns: the channel's message variation ID (lower-case UUID v4).</summary>
    public string? MessageVariationId { get; set; }
}

public sealed class VariantForm
{
    public string Name { get; set; } = "";

    /// <summary>This variant's variation ID (lower-case UUID v4).</summary>
    public string VariationId { get; set; } = "";
    public int Percentage { get; set; }

    /// <summary>The variant's copy, one entry per campaign channel.</summary>
    public List<MessageContentForm> Messages { get; set; } = [];
}

/// <summary>A message's fields for one channel; only the channel's own fields are used. Bodies are Liquid.</summary>
public sealed class MessageContentForm
{
    public Channel Channel { get; set; }

    // Email
    public string? From { get; set; }
    public string? ReplyTo { get; set; }
    public string? Subject { get; set; }
    public string? Preheader { get; set; }
    public string? HtmlBody { get; set; }
    public string? PlainTextBody { get; set; }

    // SMS
    public string? SmsBody { get; set; }
    public string? MediaUrl { get; set; }

    // Push (iOS, Android, Kindle, web)
    public string? PushTitle { get; set; }
    public string? PushBody { get; set; }
    public string? DeepLink { get; set; }

    // Webhook
    public string? WebhookUrl { get; set; }
    public string WebhookMethod { get; set; } = "POST";
    public List<HeaderForm> WebhookHeaders { get; set; } = [];
    public string? WebhookBody { get; set; }

    // Content Card
    public ContentCardType CardType { get; set; } = ContentCardType.Classic;
    public string? CardTitle { get; set; }
    public string? CardDescription { get; set; }
    public string? CardImageUrl { get; set; }
}

public sealed class HeaderForm
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class ConversionEventForm
{
    public ConversionEventType Type { get; set; }

    /// <summary>Starts Session: optional app IDs; empty means any app.</summary>
    public List<string> AppIds { get; set; } = [];

    /// <summary>Makes Purchase: null or empty means any product.</summary>
    public string? ProductName { get; set; }

    /// <summary>Performs Custom Event: required.</summary>
    public string? EventName { get; set; }

    public int DeadlineAmount { get; set; } = 3;
    public DeadlineUnit DeadlineUnit { get; set; } = DeadlineUnit.Days;
}
