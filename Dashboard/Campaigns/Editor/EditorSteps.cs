using System.Text.RegularExpressions;

namespace Dashboard.Campaigns.Editor;

/// <summary>Which steps each campaign type has, what they are called, and where a field's problem is fixed.</summary>
public static partial class EditorSteps
{
    public static IReadOnlyList<EditorStep> For(CampaignType type) => type == CampaignType.Api
        ? [EditorStep.Details, EditorStep.Channels, EditorStep.ConversionEvents, EditorStep.Review]
        : [EditorStep.Details, EditorStep.Channels, EditorStep.Variants, EditorStep.Delivery, EditorStep.ConversionEvents, EditorStep.Review];

    public static string Title(EditorStep step, CampaignType type) => step switch
    {
        EditorStep.Details => "Details",
        EditorStep.Channels => type == CampaignType.Api ? "Channels" : "Channels and messages",
        EditorStep.Variants => "Variants",
        EditorStep.Delivery => "Delivery",
        EditorStep.ConversionEvents => "Conversion events",
        EditorStep.Review => type == CampaignType.Api ? "Save" : "Review",
        _ => step.ToString(),
    };

    /// <summary>The step a field (a <see cref="CampaignFields"/> path) belongs to, for the review step's links.</summary>
    public static EditorStep StepOf(string field)
    {
        if (Path().Match(field) is { Success: true } path)
        {
            return path.Groups["list"].Value == "ConversionEvents" ? EditorStep.ConversionEvents
                : path.Groups["channel"].Success ? EditorStep.Channels
                : EditorStep.Variants;
        }
        return field switch
        {
            CampaignFields.Name or CampaignFields.Description or CampaignFields.Tags => EditorStep.Details,
            CampaignFields.Channels => EditorStep.Channels,
            CampaignFields.Variants or CampaignFields.Percentages or CampaignFields.ControlPercentage => EditorStep.Variants,
            CampaignFields.Reeligibility or CampaignFields.Schedule or CampaignFields.Throttle => EditorStep.Delivery,
            _ => EditorStep.ConversionEvents,
        };
    }

    /// <summary>
    /// Where in the campaign a field is, for a person: <c>Variants[1].Email.subject</c> reads "Variant 2, Email:", so the
    /// marketer knows which copy to open; a conversion event's field reads "conversion event 2:"; others read "".
    /// </summary>
    public static string Where(string field, CampaignForm form)
    {
        if (Path().Match(field) is not { Success: true } path)
        {
            return "";
        }
        var number = int.Parse(path.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        if (path.Groups["list"].Value == "ConversionEvents")
        {
            return $"conversion event {number}:";
        }
        var name = number <= form.Variants.Count ? form.Variants[number - 1].Name : $"Variant {number}";
        return Enum.TryParse<Channel>(path.Groups["channel"].Value, out var channel) ? $"{name}, {ChannelInfo.Label(channel)}:" : $"{name}:";
    }

    // Variants[i].Field, Variants[i].Channel.field or ConversionEvents[i].Field.
    [GeneratedRegex(@"^(?<list>Variants|ConversionEvents)\[(?<index>\d+)\](?:\.(?<channel>ApplePush|AndroidPush|KindlePush|WebPush|Email|Sms|Webhook|ContentCard)\.)?")]
    private static partial Regex Path();
}
