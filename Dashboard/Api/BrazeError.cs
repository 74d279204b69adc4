using System.Text.Json.Serialization;

namespace Dashboard.Api;

/// <summary>
/// Braze's answer when a request fails: a JSON object whose <c>message</c> says why, with minor problems in
/// <c>errors</c>. Every REST answer is a JSON object with <c>message</c>, since clients parse the body before the status.
/// </summary>
public sealed record BrazeError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors = null)
{
    public const string AccessDenied = "Access Denied";
    public const string RateLimited = "Rate Limited";
    public const string NotFound = "Not Found";
    public const string InternalServerError = "Internal Server Error";

    /// <summary>The error as an endpoint's answer.</summary>
    public IResult ToResult(int statusCode) => TypedResults.Json(this, ApiJson.Options, statusCode: statusCode);

    /// <summary>A 400 with <paramref name="message"/> and the problems in <c>errors</c>.</summary>
    public static IResult BadRequest(string message, params string[] errors) =>
        new BrazeError(message, errors.Length > 0 ? errors : null).ToResult(StatusCodes.Status400BadRequest);

    /// <summary>Writes the error as the whole response (for middleware that answers before an endpoint runs).</summary>
    public Task WriteAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(this, ApiJson.Options, context.RequestAborted);
    }
}
