namespace BrazeLite.Core.Samples;

/// <summary>Sample <c>connected_content</c> responses as the marketer types them: a JSON object of URL to response.</summary>
public static class ConnectedContentResponses
{
    public const string What = "connected_content responses";

    /// <summary>
    /// The responses by URL. A string is the response text; an object or array stands for its JSON text. Null, with
    /// <paramref name="error"/> set, when the text is not such an object.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Read(string? text, out string? error)
    {
        var parsed = SamplePayloads.Parse(text, What);
        if (parsed.Error is { } jsonError)
        {
            error = jsonError.ToString();
            return null;
        }
        var responses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, response) in parsed.Hash)
        {
            if (ResponseText(response) is not { } responseText)
            {
                error = $"The response for \"{url}\" must be a string, or a JSON object or array, not {(response is null ? "null" : response is bool ? "a boolean" : "a number")}.";
                return null;
            }
            responses[url.Trim()] = responseText;
        }
        error = null;
        return responses;
    }

    /// <summary>
    /// The text the engine receives for one response, as Braze receives it: a string as it is, an object or array as
    /// its JSON; null for any other value.
    /// </summary>
    public static string? ResponseText(object? response) => response switch
    {
        string s => s,
        IDictionary<string, object?> or System.Collections.IList => System.Text.Json.JsonSerializer.Serialize(response),
        _ => null,
    };
}
