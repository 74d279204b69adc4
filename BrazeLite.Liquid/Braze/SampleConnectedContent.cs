using System.Collections.Frozen;

namespace BrazeLite.Liquid.Braze;

/// <summary>
/// The preview's <c>connected_content</c>: never calls the URL, answers from sample responses by URL (with or without
/// its query string), and says so in a warning.
/// </summary>
public sealed class SampleConnectedContent(IReadOnlyDictionary<string, string> samples) : IConnectedContentResolver
{
    /// <summary>No sample responses: every call warns and renders nothing.</summary>
    public static readonly SampleConnectedContent None = new(FrozenDictionary<string, string>.Empty);

    /// <inheritdoc />
    public ValueTask<ConnectedContentResponse> ResolveAsync(ConnectedContentRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        if (!samples.TryGetValue(url, out var response))
        {
            var q = url.IndexOf('?', StringComparison.Ordinal);
            if (q < 0 || !samples.TryGetValue(url[..q], out response))
            {
                response = null;
            }
        }
        return ValueTask.FromResult(response is null
            ? new ConnectedContentResponse(null, 0, $"connected_content is not called in a preview and no sample response is set for {url}")
            : new ConnectedContentResponse(response, 200, $"connected_content is not called in a preview; the sample response for {url} is used"));
    }
}
