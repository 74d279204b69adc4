using System.Text.Json;
using System.Text.Json.Serialization;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// What a send request is answered: the status code and Braze's body (<c>message</c>, <c>dispatch_id</c>, <c>errors</c>,
/// <c>send_id</c>). A request with an <c>Idempotency-Key</c> stores it, so a retry gets the same answer.
/// </summary>
public sealed record SendAnswer(
    [property: JsonIgnore] int StatusCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dispatch_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DispatchId = null,
    [property: JsonPropertyName("send_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SendId = null,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors = null)
{
    public const string Success = "success";

    public bool Accepted => StatusCode is >= 200 and < 300;

    public static SendAnswer Fatal(string message, params string[] errors) => new(400, message, Errors: errors.Length == 0 ? null : errors);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static SendAnswer FromJson(int statusCode, string json) =>
        (JsonSerializer.Deserialize<SendAnswer>(json, JsonOptions) ?? new SendAnswer(statusCode, "")) with { StatusCode = statusCode };

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
