using System.Text;
using System.Text.Json;
using BrazeLite.Liquid;

namespace BrazeLite.Core.Samples;

/// <summary>Sample <c>trigger_properties</c> payloads: parsing what the marketer typed, with the line and column of a fault.</summary>
public static class SamplePayloads
{
    /// <summary>
    /// Parses <paramref name="text"/> as a JSON object. Blank text is an empty payload. Anything else that is not a
    /// JSON object comes back as an error with the line and column of the fault.
    /// </summary>
    public static SamplePayloadResult Parse(string? text, string what = "trigger_properties")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SamplePayloadResult(new Dictionary<string, object?>(StringComparer.Ordinal), null);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                var (line, column) = FirstNonWhitespace(text);
                return Failed($"{what} must be a JSON object ({{ ... }}), not {Describe(root.ValueKind)}.", line, column);
            }
            return new SamplePayloadResult(LiquidValues.FromClr(root), null);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var column = CharacterColumn(text, line, (int)(e.BytePositionInLine ?? 0));
            return Failed(CleanMessage(e.Message), line + 1, column);
        }
        catch (ArgumentException e)
        {
            return Failed(e.Message, 1, 1);
        }
    }

    private static SamplePayloadResult Failed(string message, int line, int column) =>
        new(null, new JsonTextError(message, line, column));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 3." (0-based); the caller shows
    // its own 1-based position instead.
    internal static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        var clean = (cut < 0 ? message : message[..cut]).Trim();
        if (clean.Length > 0 && !clean.EndsWith('.'))
        {
            clean += ".";
        }
        return clean;
    }

    /// <summary>Turns the reader's 0-based byte offset within a line into a 1-based UTF-16 column.</summary>
    internal static int CharacterColumn(string text, int zeroBasedLine, int bytePosition)
    {
        var start = 0;
        for (var i = 0; i < zeroBasedLine; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                break;
            }
            start = next + 1;
        }
        var end = text.IndexOf('\n', start);
        var lineText = end < 0 ? text[start..] : text[start..end];
        var bytes = Encoding.UTF8.GetBytes(lineText);
        var take = Math.Clamp(bytePosition, 0, bytes.Length);
        return Encoding.UTF8.GetCharCount(bytes, 0, take) + 1;
    }

    private static (int Line, int Column) FirstNonWhitespace(string text)
    {
        int line = 1, column = 1;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                break;
            }
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return (line, column);
    }
}
