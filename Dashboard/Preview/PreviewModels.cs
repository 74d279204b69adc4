using System.Text.Json.Serialization;
using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>How strictly a template is parsed: strict reports every syntax fault, lax skips what it cannot read (Shopify's modes).</summary>
public enum PreviewErrorMode
{
    Strict,
    Lax,
}

/// <summary>A parse or render diagnostic with its 1-based position in the template.</summary>
public sealed record PreviewDiagnostic(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";
}

/// <summary>One template rendered against sample data.</summary>
/// <param name="Output">The rendered text, as far as the render got.</param>
/// <param name="Aborted">Whether <c>abort_message</c> or a limit ended the render.</param>
/// <param name="AbortReason">Why the render was aborted.</param>
/// <param name="Errors">Parse and render errors.</param>
/// <param name="Warnings">Warnings, among them variables that resolved to nothing.</param>
/// <param name="MissingVariables">Full paths of variables that resolved to nothing, e.g. <c>api_trigger_properties.${product_nme}</c>; each also appears among <see cref="Warnings"/>.</param>
public sealed record TemplatePreview(
    string Output,
    bool Aborted,
    string? AbortReason,
    IReadOnlyList<PreviewDiagnostic> Errors,
    IReadOnlyList<PreviewDiagnostic> Warnings,
    IReadOnlyList<string> MissingVariables)
{
    public static readonly TemplatePreview Empty = new("", false, null, [], [], []);

    public PreviewStatus Status =>
        Errors.Count > 0 ? PreviewStatus.Error
        : Aborted ? PreviewStatus.Aborted
        : MissingVariables.Count > 0 ? PreviewStatus.MissingVariables
        : PreviewStatus.Ok;
}

/// <summary>A message's state in a preview, worst first when combined: an error beats an abort, which beats missing variables.</summary>
public enum PreviewStatus
{
    Ok,
    MissingVariables,
    Aborted,
    Error,
}

/// <summary>One field of a channel's message rendered: its key (as the preview API names it), label, source and result.</summary>
public sealed record FieldPreview(string Field, string Label, string Source, TemplatePreview Result)
{
    public PreviewStatus Status => Result.Status;
}

/// <summary>
/// Every field of one variant's message for one channel, rendered against one sample payload and user.
/// <see cref="Sms"/> is set for SMS, <see cref="Push"/> for the push channels.
/// </summary>
public sealed record ChannelPreview(
    Channel Channel,
    IReadOnlyList<FieldPreview> Fields,
    SmsSegments? Sms = null,
    PushPayloadSize? Push = null,
    string? WebhookMethod = null,
    ContentCardType? CardType = null)
{
    /// <summary>The worst status among the fields.</summary>
    public PreviewStatus Status => Fields.Count == 0 ? PreviewStatus.Ok : Fields.Max(f => f.Status);

    /// <summary>The field with this key, or null.</summary>
    public FieldPreview? this[string field] => Fields.FirstOrDefault(f => f.Field == field);

    /// <summary>Every missing variable path across the fields, distinct, in order.</summary>
    public IReadOnlyList<string> MissingVariables =>
        Fields.SelectMany(f => f.Result.MissingVariables).Distinct(StringComparer.Ordinal).ToList();
}
