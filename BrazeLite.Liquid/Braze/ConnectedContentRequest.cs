namespace BrazeLite.Liquid.Braze;

/// <summary>
/// One <c>{% connected_content %}</c> call as the template asks for it, every Liquid part already rendered:
/// <c>{% connected_content https://api.example.com/u/{{id}} :method post :headers {"X-Key": "k"} :body a=1 :save r :retry :cache_max_age 900 %}</c>.
/// </summary>
/// <param name="Url">The URL.</param>
/// <param name="Method">GET (default), POST, PUT or DELETE, upper-cased.</param>
/// <param name="Headers">Request headers from <c>:headers</c> (a JSON object of strings).</param>
/// <param name="Body">The request body from <c>:body</c>, or null.</param>
/// <param name="ContentType">The <c>:content_type</c>, or null.</param>
/// <param name="BasicAuth">The name of the stored credential given to <c>:basic_auth</c>, or null.</param>
/// <param name="Retry">Whether <c>:retry</c> asks for one more attempt after a failure.</param>
/// <param name="CacheMaxAge">How long a response may be reused (<c>:cache_max_age</c>, seconds), or null.</param>
/// <param name="SaveAs">The variable the response is saved to (<c>:save</c>), or null to write it into the output.</param>
public sealed record ConnectedContentRequest(
    string Url,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? ContentType,
    string? BasicAuth,
    bool Retry,
    TimeSpan? CacheMaxAge,
    string? SaveAs);
