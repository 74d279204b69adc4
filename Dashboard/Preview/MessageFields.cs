using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>
/// A templated field of a channel's message: its key (snake_case, as the preview API names it), label, source, and the
/// <see cref="MessageContentForm"/> property it comes from (for <see cref="CampaignFields.Message"/>).
/// </summary>
public sealed record MessageField(string Key, string Label, string? Source, string Property);

/// <summary>Which fields of <see cref="MessageContentForm"/> each channel renders, in the order the preview shows them.</summary>
public static class MessageFields
{
    /// <summary>Prefix of a webhook header's key: <c>webhook_headers.Authorization</c>.</summary>
    public const string WebhookHeaderPrefix = "webhook_headers.";

    private static readonly (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] Email =
    [
        ("from", "From", nameof(MessageContentForm.From), m => m.From),
        ("reply_to", "Reply-to", nameof(MessageContentForm.ReplyTo), m => m.ReplyTo),
        ("subject", "Subject", nameof(MessageContentForm.Subject), m => m.Subject),
        ("preheader", "Preheader", nameof(MessageContentForm.Preheader), m => m.Preheader),
        ("html_body", "HTML body", nameof(MessageContentForm.HtmlBody), m => m.HtmlBody),
        ("plain_text_body", "Plain-text body", nameof(MessageContentForm.PlainTextBody), m => m.PlainTextBody),
    ];

    private static readonly (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] Sms =
    [
        ("sms_body", "Body", nameof(MessageContentForm.SmsBody), m => m.SmsBody),
        ("media_url", "Media URL", nameof(MessageContentForm.MediaUrl), m => m.MediaUrl),
    ];

    private static readonly (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] Push =
    [
        ("push_title", "Title", nameof(MessageContentForm.PushTitle), m => m.PushTitle),
        ("push_body", "Body", nameof(MessageContentForm.PushBody), m => m.PushBody),
        ("deep_link", "Deep link", nameof(MessageContentForm.DeepLink), m => m.DeepLink),
    ];

    private static readonly (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] Webhook =
    [
        ("webhook_url", "URL", nameof(MessageContentForm.WebhookUrl), m => m.WebhookUrl),
        ("webhook_body", "Body", nameof(MessageContentForm.WebhookBody), m => m.WebhookBody),
    ];

    private static readonly (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] ContentCard =
    [
        ("card_title", "Title", nameof(MessageContentForm.CardTitle), m => m.CardTitle),
        ("card_description", "Description", nameof(MessageContentForm.CardDescription), m => m.CardDescription),
        ("card_image_url", "Image URL", nameof(MessageContentForm.CardImageUrl), m => m.CardImageUrl),
    ];

    private static (string Key, string Label, string Property, Func<MessageContentForm, string?> Get)[] Table(Channel channel) => channel switch
    {
        Channel.Email => Email,
        Channel.Sms => Sms,
        Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush => Push,
        Channel.Webhook => Webhook,
        Channel.ContentCard => ContentCard,
        _ => [],
    };

    /// <summary>The fixed field keys of a channel (webhook headers come on top, one per header).</summary>
    public static IReadOnlyList<string> Keys(Channel channel) => Table(channel).Select(f => f.Key).ToList();

    /// <summary>
    /// The templated fields of <paramref name="message"/> for its channel. A webhook's headers come between its URL and
    /// body, one field per header named <c>webhook_headers.{name}</c>, whose source is the header's value.
    /// </summary>
    public static IReadOnlyList<MessageField> Of(MessageContentForm message)
    {
        var fields = new List<MessageField>();
        foreach (var (key, label, property, get) in Table(message.Channel))
        {
            fields.Add(new MessageField(key, label, get(message), property));
            if (key == "webhook_url")
            {
                fields.AddRange(message.WebhookHeaders
                    .Where(h => !string.IsNullOrWhiteSpace(h.Name))
                    .Select(h => new MessageField(WebhookHeaderPrefix + h.Name.Trim(), $"Header {h.Name.Trim()}", h.Value, nameof(MessageContentForm.WebhookHeaders))));
            }
        }
        return fields;
    }

    /// <summary>
    /// Finds the field <paramref name="key"/> of <paramref name="message"/>. Null when the channel has no such field;
    /// a known field left empty comes back with an empty source.
    /// </summary>
    public static MessageField? Find(MessageContentForm message, string key)
    {
        var known = Of(message).FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
        if (known is not null)
        {
            return known;
        }
        if (message.Channel == Channel.Webhook && key.StartsWith(WebhookHeaderPrefix, StringComparison.Ordinal))
        {
            var name = key[WebhookHeaderPrefix.Length..];
            var header = message.WebhookHeaders.FirstOrDefault(h => string.Equals(h.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return header is null ? null : new MessageField(WebhookHeaderPrefix + header.Name.Trim(), $"Header {header.Name.Trim()}", header.Value, nameof(MessageContentForm.WebhookHeaders));
        }
        return null;
    }

    /// <summary>The channel whose Braze messaging-object key is <paramref name="apiKey"/> (<c>email</c>, <c>apple_push</c>, ...).</summary>
    public static bool TryParseChannel(string apiKey, out Channel channel)
    {
        foreach (var candidate in ChannelInfo.All)
        {
            if (ChannelInfo.ApiKey(candidate) == apiKey)
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }
}
