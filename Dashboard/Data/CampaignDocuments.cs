using Dashboard.Campaigns;

namespace Dashboard.Data;

// The shapes of the JSON documents stored in CampaignEntity. They mirror the form classes but are kept apart so
// the stored format only changes on purpose.

public sealed class StoredChannel
{
    public Channel Channel { get; set; }
    public string? MessageVariationId { get; set; }
}

public sealed class StoredVariant
{
    public string Name { get; set; } = "";
    public string VariationId { get; set; } = "";
    public int Percentage { get; set; }
    public List<StoredMessage> Messages { get; set; } = [];
}

public sealed class StoredMessage
{
    public Channel Channel { get; set; }
    public string? From { get; set; }
    public string? ReplyTo { get; set; }
    public string? Subject { get; set; }
    public string? Preheader { get; set; }
    public string? HtmlBody { get; set; }
    public string? PlainTextBody { get; set; }
    public string? SmsBody { get; set; }
    public string? MediaUrl { get; set; }
    public string? PushTitle { get; set; }
    public string? PushBody { get; set; }
    public string? DeepLink { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookMethod { get; set; }
    public List<StoredHeader>? WebhookHeaders { get; set; }
    public string? WebhookBody { get; set; }
    public ContentCardType? CardType { get; set; }
    public string? CardTitle { get; set; }
    public string? CardDescription { get; set; }
    public string? CardImageUrl { get; set; }
}

public sealed class StoredHeader
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class StoredConversionEvent
{
    public ConversionEventType Type { get; set; }
    public List<string>? AppIds { get; set; }
    public string? ProductName { get; set; }
    public string? EventName { get; set; }
    public int DeadlineAmount { get; set; }
    public DeadlineUnit DeadlineUnit { get; set; }
}
