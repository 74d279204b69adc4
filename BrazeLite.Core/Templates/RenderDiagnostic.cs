using System.Text.Json.Serialization;

namespace BrazeLite.Core.Templates;

/// <summary>A parse or render error or warning with its 1-based position in the template.</summary>
public sealed record RenderDiagnostic(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";

    /// <summary>The message with its position, unless the message already names it.</summary>
    public string WithPosition() =>
        Message.Contains($"line {Line}", StringComparison.Ordinal)
            ? Message
            : $"{Message.TrimEnd('.')} at line {Line}, column {Column}";
}
