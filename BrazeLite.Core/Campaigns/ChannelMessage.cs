using System.Collections.ObjectModel;

namespace BrazeLite.Core.Campaigns;

/// <summary>
/// One channel's message as stored: the fields of its channel's catalogue (<see cref="ChannelFields"/>) by key.
/// Immutable; each channel has its own record with typed accessors (<see cref="EmailMessage.Subject"/>, ...).
/// </summary>
public abstract record ChannelMessage
{
    private readonly ReadOnlyDictionary<string, string> _values;

    private protected ChannelMessage(Channel channel, IEnumerable<KeyValuePair<string, string?>> values)
    {
        Channel = channel;
        var given = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        // Only the channel's own fields, in the catalogue's order, normalised as stored.
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ChannelFields.InDashboard(channel))
        {
            if (given.TryGetValue(field.Key, out var value) && field.Normalize(value) is { } normalized)
            {
                kept[field.Key] = normalized;
            }
        }
        _values = kept.AsReadOnly();
    }

    public Channel Channel { get; }

    /// <summary>This message's <c>message_variation_id</c>; null for a variant whose message was never saved.</summary>
    public string? MessageVariationId { get; init; }

    /// <summary>The field's value; a choice field left unset has its default.</summary>
    public string? this[ChannelField field] => _values.TryGetValue(field.Key, out var v) ? v : field.DefaultValue;

    /// <summary>The stored values by field key (blank fields are absent).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// The templated fields with their sources, in the order the preview shows them, empty ones included. A webhook's
    /// headers come between its URL and body, one field per header (<c>webhook_headers.{name}</c>).
    /// </summary>
    public virtual IReadOnlyList<TemplateSource> Templates() =>
        ChannelFields.For(Channel).Where(f => f.IsTemplate && f.InDashboard).Select(f => new TemplateSource(f, this[f] ?? "")).ToList();

    /// <summary>The templated field with <paramref name="key"/> (a header's as <c>webhook_headers.{name}</c>), or null when the channel has none.</summary>
    public TemplateSource? FindTemplate(string key) =>
        Templates().FirstOrDefault(t => string.Equals(t.Field.Key, key, StringComparison.Ordinal))
        ?? (key.StartsWith(WebhookFields.HeaderPrefix, StringComparison.Ordinal)
            ? Templates().FirstOrDefault(t => string.Equals(t.Field.Key, key, StringComparison.OrdinalIgnoreCase))
            : null);

    /// <summary>A message of <paramref name="channel"/> with these field values (by key) and, for a webhook, headers.</summary>
    public static ChannelMessage Create(Channel channel, IEnumerable<KeyValuePair<string, string?>> values,
        IEnumerable<WebhookHeader>? headers = null, string? messageVariationId = null) => channel switch
    {
        Channel.Email => new EmailMessage(values) { MessageVariationId = messageVariationId },
        Channel.Sms => new SmsMessage(values) { MessageVariationId = messageVariationId },
        Channel.Webhook => new WebhookMessage(values, headers ?? []) { MessageVariationId = messageVariationId },
        Channel.ContentCard => new ContentCardMessage(values) { MessageVariationId = messageVariationId },
        _ when ChannelInfo.IsPush(channel) => new PushMessage(channel, values) { MessageVariationId = messageVariationId },
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>An empty message of <paramref name="channel"/>.</summary>
    public static ChannelMessage Empty(Channel channel) => Create(channel, []);
}
