using System.Numerics;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrazeLite.Liquid;

public static partial class LiquidValues
{
    private const int MaxClrDepth = 64;

    /// <summary>
    /// Normalises caller data into the value model, deeply: <see cref="JsonElement"/> and <see cref="JsonNode"/> trees,
    /// CLR integers to <see cref="long"/>, <see cref="float"/>/<see cref="decimal"/> to <see cref="double"/>, dictionaries to an
    /// insertion-ordered <c>Dictionary&lt;string, object?&gt;</c>, other sequences to <c>List&lt;object?&gt;</c>,
    /// <see cref="DateTime"/> to <see cref="DateTimeOffset"/> (unspecified kind taken as UTC), enums and GUIDs to strings,
    /// and other objects to a hash of their public properties. Nesting deeper than 64 levels is rejected.
    /// </summary>
    public static object? FromClr(object? value) => FromClr(value, 0);

    private static object? FromClr(object? value, int depth)
    {
        if (depth > MaxClrDepth) throw new ArgumentException("data nested more than 64 levels deep", nameof(value));
        switch (value)
        {
            case null: return null;
            case string or bool or long or double or LiquidRange or EmptyValue or BlankValue or DateTimeOffset: return value;
            case int i: return (long)i;
            case short s: return (long)s;
            case byte b: return (long)b;
            case sbyte sb: return (long)sb;
            case ushort us: return (long)us;
            case uint ui: return (long)ui;
            case ulong ul: return ul <= long.MaxValue ? (object)(long)ul : (double)ul;
            case float f: return double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case decimal m: return (double)m;
            case BigInteger bi: return bi >= long.MinValue && bi <= long.MaxValue ? (object)(long)bi : (double)bi;
            case char c: return c.ToString();
            case Guid g: return g.ToString();
            case Enum e: return e.ToString();
            case DateTime dt:
                return dt.Kind == DateTimeKind.Local ? new DateTimeOffset(dt) : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
            case DateOnly d: return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            case JsonElement el: return FromJson(el, depth);
            case JsonDocument doc: return FromJson(doc.RootElement, depth);
            case JsonNode node: return FromJsonNode(node, depth);
            case IDictionary<string, object?> gd:
                {
                    var d = new Dictionary<string, object?>(gd.Count, StringComparer.Ordinal);
                    foreach (var (k, v) in gd) d[k] = FromClr(v, depth + 1);
                    return d;
                }
            case IDictionary nd:
                {
                    var d = new Dictionary<string, object?>(nd.Count, StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in nd)
                        d[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = FromClr(entry.Value, depth + 1);
                    return d;
                }
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                {
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (k, v) in pairs) d[k] = FromClr(v, depth + 1);
                    return d;
                }
            case IEnumerable seq when IsStringKeyedPairs(seq.GetType()):
                {
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var pair in seq)
                    {
                        var t = pair!.GetType();
                        d[(string)t.GetProperty("Key")!.GetValue(pair)!] = FromClr(t.GetProperty("Value")!.GetValue(pair), depth + 1);
                    }
                    return d;
                }
            case IEnumerable seq:
                {
                    var list = new List<object?>();
                    foreach (var item in seq) list.Add(FromClr(item, depth + 1));
                    return list;
                }
        }

        var type = value.GetType();
        if (type.IsPrimitive) return Convert.ToString(value, CultureInfo.InvariantCulture);
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!p.CanRead || p.GetIndexParameters().Length > 0) continue;
            props[p.Name] = FromClr(p.GetValue(value), depth + 1);
        }
        return props;
    }

    // Read-only dictionaries and other sequences of KeyValuePair<string, T> become hashes.
    private static bool IsStringKeyedPairs(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            && i.GetGenericArguments()[0] is { IsGenericType: true } kv
            && kv.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && kv.GetGenericArguments()[0] == typeof(string));

    private static object? FromJson(JsonElement el, int depth)
    {
        if (depth > MaxClrDepth) throw new ArgumentException("data nested more than 64 levels deep", nameof(el));
        switch (el.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var p in el.EnumerateObject()) d[p.Name] = FromJson(p.Value, depth + 1);
                    return d;
                }
            case JsonValueKind.Array:
                {
                    var list = new List<object?>(el.GetArrayLength());
                    foreach (var item in el.EnumerateArray()) list.Add(FromJson(item, depth + 1));
                    return list;
                }
            case JsonValueKind.String: return el.GetString();
            case JsonValueKind.Number:
                if (el.TryGetInt64(out var l)) return l;
                return el.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }

    private static object? FromJsonNode(JsonNode node, int depth)
    {
        if (depth > MaxClrDepth) throw new ArgumentException("data nested more than 64 levels deep", nameof(node));
        switch (node)
        {
            case JsonObject obj:
                {
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (k, v) in obj) d[k] = v is null ? null : FromJsonNode(v, depth + 1);
                    return d;
                }
            case JsonArray arr:
                {
                    var list = new List<object?>(arr.Count);
                    foreach (var v in arr) list.Add(v is null ? null : FromJsonNode(v, depth + 1));
                    return list;
                }
            case JsonValue val:
                if (val.TryGetValue<JsonElement>(out var el)) return FromJson(el, depth);
                return FromClr(val.GetValue<object>(), depth);
            default: return null;
        }
    }
}
