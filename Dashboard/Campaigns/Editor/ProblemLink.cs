namespace Dashboard.Campaigns.Editor;

/// <summary>A problem the review lists, as a link: the step it is in and its message, to find its field by.</summary>
public sealed record ProblemLink(EditorStep Step, string? Message);
