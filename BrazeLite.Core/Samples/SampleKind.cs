namespace BrazeLite.Core.Samples;

/// <summary>The kinds of sample data a campaign keeps for its preview.</summary>
public enum SampleKind
{
    Payload,
    User,

    /// <summary>Sample responses for <c>connected_content</c>: a JSON object of URL to response.</summary>
    ConnectedContent,
}
