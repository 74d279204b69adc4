using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Templates;

namespace BrazeLite.Core.Messaging;

/// <summary>
/// Every templated field of one channel's message, rendered against one set of data. <see cref="Sms"/> is set for SMS,
/// <see cref="Push"/> for the push channels, measured on the rendered text.
/// </summary>
public sealed record RenderedMessage(ChannelMessage Message, IReadOnlyList<RenderedField> Fields)
{
    public Channel Channel => Message.Channel;

    public SmsSegments? Sms { get; init; }

    public PushPayloadSize? Push { get; init; }

    /// <summary>The worst status among the fields.</summary>
    public RenderStatus Status => Fields.Count == 0 ? RenderStatus.Ok : Fields.Max(f => f.Status);

    /// <summary>The field with this key, or null.</summary>
    public RenderedField? this[string field] => Fields.FirstOrDefault(f => f.Field == field);

    /// <summary>The rendered text of a field, empty when the message has none.</summary>
    public string Output(ChannelField field) => this[field.Key]?.Result.Output ?? "";

    /// <summary>Every missing variable path across the fields, distinct, in order.</summary>
    public IReadOnlyList<string> MissingVariables =>
        Fields.SelectMany(f => f.Result.MissingVariables).Distinct(StringComparer.Ordinal).ToList();
}
