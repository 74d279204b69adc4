using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.Api;

/// <summary>How the REST API writes JSON: property names as the contracts spell them, nothing indented.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Quotes and apostrophes in messages stay readable (the answers are JSON, never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
