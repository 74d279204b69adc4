namespace Dashboard.Campaigns;

/// <summary>
/// The field paths that <see cref="ValidationErrors"/> uses, so the editor can show each message next to its field
/// and the review step can link each problem to its step.
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
    public const string Reeligibility = "ReeligibilityAmount";
    public const string ConversionEvents = "ConversionEvents";

    public static string Variant(int index, string field) => $"Variants[{index}].{field}";

    /// <summary>A message field of a variant, e.g. <c>Variants[0].Email.Subject</c>.</summary>
    public static string Message(int variantIndex, Channel channel, string field) => $"Variants[{variantIndex}].{channel}.{field}";

    public static string ConversionEvent(int index, string field) => $"ConversionEvents[{index}].{field}";

    /// <summary>The editor step a field belongs to, for the review step's links.</summary>
    public static EditorStep StepOf(string field) => field switch
    {
        Name or Description or Tags => EditorStep.Details,
        Channels => EditorStep.Channels,
        _ when field.StartsWith("Variants[", StringComparison.Ordinal) && field.Count(c => c == '.') >= 2 => EditorStep.Channels,
        Variants or Percentages or ControlPercentage => EditorStep.Variants,
        _ when field.StartsWith("Variants[", StringComparison.Ordinal) => EditorStep.Variants,
        Reeligibility => EditorStep.Delivery,
        _ => EditorStep.ConversionEvents,
    };
}

public enum EditorStep
{
    Details,
    Channels,
    Variants,
    Delivery,
    ConversionEvents,
    Review,
}
