using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Api;

/// <summary>The one test the request readers make of a JSON value that must be text.</summary>
public static class JsonText
{
    /// <summary>Whether <paramref name="node"/> is a JSON string with something besides white space, and that string.</summary>
    public static bool IsText(JsonNode? node, out string value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
        return value.Trim().Length > 0;
    }
}
