namespace BrazeLite.Core.Campaigns;

/// <summary>
/// The field paths that <see cref="ValidationErrors"/> uses, so the editor can show each message next to its field and
/// the review step can link each problem to where it is fixed.
/// </summary>
public static class CampaignFields
{
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Tags = "Tags";
    public const string Channels = "Channels";
    public const string Variants = "Variants";
    public const string Percentages = "Percentages";
    public const string ControlPercentage = "ControlPercentage";
    public const string Reeligibility = "Reeligibility";
    public const string ConversionEvents = "ConversionEvents";
    public const string Schedule = "Schedule";
    public const string Throttle = "Throttle";

    /// <summary>A field of a variant, e.g. <c>Variants[1].Name</c>.</summary>
    public static string Variant(int index, string field) => $"Variants[{index}].{field}";

    /// <summary>A message field of a variant, e.g. <c>Variants[0].Email.subject</c>.</summary>
    public static string Message(int variantIndex, Channel channel, ChannelField field) => Message(variantIndex, channel, field.Key);

    /// <summary>A message field of a variant by key; <see cref="WebhookFields.HeadersKey"/> for the webhook's headers.</summary>
    public static string Message(int variantIndex, Channel channel, string fieldKey) => $"Variants[{variantIndex}].{channel}.{fieldKey}";

    public static string ConversionEvent(int index, string field) => $"ConversionEvents[{index}].{field}";
}
