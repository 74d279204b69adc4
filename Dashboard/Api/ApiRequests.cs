namespace Dashboard.Api;

/// <summary>Tells a REST client's request from a browser's, for answers no endpoint gives (404, 500).</summary>
public static class ApiRequests
{
    /// <summary>A bearer key, a JSON body, or an <c>Accept</c> that does not ask for HTML: a page would be the wrong answer.</summary>
    public static bool IsApiRequest(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api"))
        {
            return true;
        }
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }
        return !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
