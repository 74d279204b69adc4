using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BrazeLite.Core.Audit;

/// <summary>
/// The fields that differ between two versions of a form, found by flattening both to paths
/// (<c>Variants[1].Messages[0].Subject</c>) and comparing leaf by leaf.
/// </summary>
public static class FieldDiff
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Each changed leaf, in the order of <paramref name="after"/>'s fields, then fields only before had.</summary>
    public static IReadOnlyList<FieldChange> Between<T>(T? before, T? after, params string[] ignored)
    {
        var old = Flatten(before, ignored);
        var now = Flatten(after, ignored);
        var changes = new List<FieldChange>();
        foreach (var (path, value) in now)
        {
            old.TryGetValue(path, out var previous);
            if (previous != value)
            {
                changes.Add(new FieldChange(path, previous, value));
            }
        }
        foreach (var (path, value) in old)
        {
            if (!now.ContainsKey(path) && value is not null)
            {
                changes.Add(new FieldChange(path, value, null));
            }
        }
        return changes;
    }

    /// <summary>Every leaf of <paramref name="value"/> as path and text, nulls included; empty lists count as not set.</summary>
    public static Dictionary<string, string?> Flatten<T>(T? value, params string[] ignored)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (value is not null)
        {
            Walk(JsonSerializer.SerializeToNode(value, Json), "", result, ignored);
        }
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> into, string[] ignored)
    {
        if (ignored.Contains(path, StringComparer.Ordinal))
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (ignored.Contains(name, StringComparer.Ordinal))
                    {
                        continue;
                    }
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", into, ignored);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", into, ignored);
                }
                break;
            case JsonValue leaf:
                into[path] = leaf.GetValueKind() switch
                {
                    JsonValueKind.String => leaf.GetValue<string>(),
                    JsonValueKind.Number => leaf.ToJsonString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => leaf.ToJsonString(),
                };
                break;
            default:
                into[path] = null;
                break;
        }
    }

    /// <summary>A value as the history shows it: trimmed to <paramref name="max"/> characters.</summary>
    public static string? Shorten(string? value, int max = 2_000) =>
        value is null || value.Length <= max ? value : value[..max] + string.Create(CultureInfo.InvariantCulture, $"… ({value.Length - max} more characters)");
}
