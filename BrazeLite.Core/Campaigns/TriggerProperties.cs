using System.Text.Encodings.Web;
using System.Text.Json;
using BrazeLite.Liquid;

namespace BrazeLite.Core.Campaigns;

/// <summary>Sample <c>trigger_properties</c> built from the keys the templates read: one placeholder policy for every example.</summary>
public static class TriggerProperties
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A key path as people read it: <c>order.total</c>, <c>items[].name</c>.</summary>
    public static string Describe(IReadOnlyList<string> path) =>
        string.Join(".", path).Replace(".[]", "[]", StringComparison.Ordinal);

    /// <summary>The placeholder a sample puts at a leaf: <c>"sample total"</c> for <c>order.total</c>.</summary>
    public static string Placeholder(IReadOnlyList<string> path) =>
        $"sample {path.LastOrDefault(k => k != "[]") ?? "value"}";

    /// <summary>Every path as nested objects and arrays, each leaf its <see cref="Placeholder"/>.</summary>
    public static Dictionary<string, object?> Sample(IEnumerable<IReadOnlyList<string>> paths) =>
        LiquidVariables.BuildSample(paths, Placeholder);

    /// <summary><see cref="Sample"/> as indented JSON.</summary>
    public static string SampleJson(IEnumerable<IReadOnlyList<string>> paths) => JsonSerializer.Serialize(Sample(paths), Pretty);
}
