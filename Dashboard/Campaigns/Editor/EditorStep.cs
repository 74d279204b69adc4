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

/// <summary>A problem the review lists, as a link: the step it is in and its message, to find its field by.</summary>
public sealed record ProblemLink(EditorStep Step, string? Message);
