namespace Dashboard.Campaigns.Editor;

/// <summary>The steps of the campaign editor, in order.</summary>
public enum EditorStep
{
    Details,
    Channels,
    Variants,
    Delivery,
    ConversionEvents,
    Review,
}

