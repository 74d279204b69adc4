namespace BrazeLite.Liquid.Braze;

/// <summary>What a <c>connected_content</c> call gave back.</summary>
/// <param name="Body">The response text; null when there is none (the call was not made, or failed).</param>
/// <param name="StatusCode">The HTTP status; 0 when no response came.</param>
/// <param name="Warning">Something the marketer should know about the call (shown as a render warning), or null.</param>
public sealed record ConnectedContentResponse(string? Body, int StatusCode = 200, string? Warning = null)
{
    /// <summary>Whether the status is a success (2xx).</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
