namespace BrazeLite.Core.Campaigns;

/// <summary>
/// A variant's message for one channel as the editor edits it: the channel's fields (<see cref="ChannelFields"/>) by
/// key, and a webhook's headers. Bodies are Liquid.
/// </summary>
public sealed class MessageContentForm
{
    public Channel Channel { get; set; }

    /// <summary>This message's <c>message_variation_id</c> (lower-case UUID v4), minted when the message is added.</summary>
    public string? MessageVariationId { get; set; }

    /// <summary>Field values by <see cref="ChannelField.Key"/>.</summary>
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    public List<HeaderForm> WebhookHeaders { get; set; } = [];

    /// <summary>The field's value; a choice field left unset reads as its default.</summary>
    public string? this[ChannelField field]
    {
        get => Values.TryGetValue(field.Key, out var value) ? value : field.DefaultValue;
        set => Values[field.Key] = value;
    }
}
