using System.Text.Json;
using System.Text.Json.Serialization;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// A message rendered for one recipient, in the shape its channel's sender takes: what is handed to the provider, and
/// what the activity log and the Test inbox show. Stored as JSON with the delivery.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EmailContent), "email")]
[JsonDerivedType(typeof(SmsContent), "sms")]
[JsonDerivedType(typeof(WebhookContent), "webhook")]
[JsonDerivedType(typeof(PushContent), "push")]
[JsonDerivedType(typeof(ContentCardContent), "content_card")]
public abstract record OutboundContent
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonIgnore]
    public abstract Channel Channel { get; }

    /// <summary>Where it goes, in a few words: an address, a phone number, a URL, a device count.</summary>
    [JsonIgnore]
    public abstract string Destination { get; }

    /// <summary>A one-line summary for lists: the subject, the first words of the text, the request line.</summary>
    [JsonIgnore]
    public abstract string Summary { get; }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static OutboundContent? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<OutboundContent>(json, Options);

    /// <summary>The first <paramref name="length"/> characters of <paramref name="text"/> on one line.</summary>
    protected static string Excerpt(string text, int length = 80)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}

/// <summary>An email as sent: both bodies, the preheader already in the HTML, and the extra headers.</summary>
public sealed record EmailContent(
    string From,
    string To,
    string? ReplyTo,
    string Subject,
    string? Preheader,
    string Html,
    string Text,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string>? Bcc = null) : OutboundContent
{
    public override Channel Channel => Channel.Email;
    public override string Destination => To;
    public override string Summary => Subject;
}

/// <summary>An SMS, or an MMS when it carries media.</summary>
public sealed record SmsContent(string To, string Body, IReadOnlyList<string> MediaUrls, string? SubscriptionGroupId = null) : OutboundContent
{
    public override Channel Channel => Channel.Sms;
    public override string Destination => To;
    public override string Summary => Excerpt(Body);
}

/// <summary>A webhook request.</summary>
public sealed record WebhookContent(string Url, string Method, IReadOnlyList<WebhookHeader> Headers, string Body) : OutboundContent
{
    public override Channel Channel => Channel.Webhook;
    public override string Destination => Url;
    public override string Summary => $"{Method} {Url}";
}

/// <summary>A push notification for one platform, to every device token the user has there.</summary>
public sealed record PushContent(
    Channel Platform,
    IReadOnlyList<string> Tokens,
    string Title,
    string Body,
    string? DeepLink,
    IReadOnlyDictionary<string, string>? Extra = null) : OutboundContent
{
    public override Channel Channel => Platform;
    public override string Destination => Tokens.Count == 1 ? "1 device" : $"{Tokens.Count} devices";
    public override string Summary => Title.Length > 0 ? Title : Excerpt(Body);
}

/// <summary>A Content Card, kept for the user's app to fetch with <c>/content_cards/sync</c>.</summary>
public sealed record ContentCardContent(
    string Type,
    string Title,
    string Description,
    string? ImageUrl,
    string? Url,
    DateTimeOffset? ExpiresAt) : OutboundContent
{
    public override Channel Channel => Channel.ContentCard;
    public override string Destination => "the user's feed";
    public override string Summary => Title;
}
