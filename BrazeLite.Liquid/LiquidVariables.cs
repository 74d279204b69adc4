using System.Text;
using BrazeLite.Liquid.Parsing;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid;

/// <summary>Lists the variable paths templates read, e.g. every <c>api_trigger_properties</c> key a campaign uses.</summary>
public static class LiquidVariables
{
    /// <summary>
    /// Whether <paramref name="segments"/> (as <see cref="LiquidVariablePath.Segments"/> gives them) finds a value in
    /// <paramref name="variables"/>, looked up as a render looks it up (<c>size</c>, <c>first</c>, <c>last</c>, negative
    /// indexes). A <c>"[]"</c> segment (an element of an array, e.g. a loop variable) finds a value when any element has
    /// the rest of the path, or when the array is empty (a loop over nothing reads nothing). A nil value counts as none.
    /// </summary>
    public static bool HasValue(IReadOnlyDictionary<string, object?> variables, IReadOnlyList<string> segments)
    {
        if (segments.Count == 0 || !variables.TryGetValue(segments[0], out var value)) return false;
        return HasValue(value, segments, 1);
    }

    private static bool HasValue(object? value, IReadOnlyList<string> segments, int from)
    {
        for (var i = from; i < segments.Count; i++)
        {
            if (value is null) return false;
            var key = segments[i];
            if (key == "[]")
            {
                if (value is not IList<object?> elements) return false;
                if (elements.Count == 0) return true;
                foreach (var element in elements)
                    if (HasValue(element, segments, i + 1)) return true;
                return false;
            }
            object lookupKey = value is IList<object?> && long.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? index
                : key;
            if (!Runtime.LookupExpr.TryLookup(value, lookupKey, dot: true, out value)) return false;
        }
        return value is not null;
    }

    /// <summary>
    /// The distinct key paths below <paramref name="root"/> that the templates read, in first-use order:
    /// <c>api_trigger_properties.order.total</c> gives <c>["order", "total"]</c>, and <c>item.name</c> inside
    /// <c>for item in api_trigger_properties.items</c> gives <c>["items", "[]", "name"]</c>. A path that only leads to
    /// longer ones is left out; the <c>size</c>, <c>first</c> and <c>last</c> commands are not keys.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Collect(IEnumerable<LiquidTemplate> templates, string root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();
        foreach (var t in templates)
        {
            foreach (var p in t.VariablePaths)
            {
                if (p.Segments.Count < 2 || p.Segments[0] != root) continue;
                var keys = new List<string>(p.Segments.Count - 1);
                for (var i = 1; i < p.Segments.Count; i++)
                {
                    var k = p.Segments[i];
                    var last = i == p.Segments.Count - 1;
                    if (k is "size" or "first" or "last")
                    {
                        if (last) break;
                        if (k != "size") k = "[]";
                    }
                    keys.Add(k);
                }
                if (keys.Count > 0 && seen.Add(string.Join('\u0001', keys))) result.Add(keys);
            }
        }
        return result.Where(k => !result.Any(o => o.Count > k.Count && o.Take(k.Count).SequenceEqual(k))).ToList();
    }

    /// <summary>
    /// A sample payload holding every path as nested objects (<c>"[]"</c> as a one-element array), each leaf the value
    /// <paramref name="leaf"/> gives for its path (an empty string by default): <c>["order", "total"]</c> and
    /// <c>["items", "[]", "name"]</c> give <c>{"order":{"total":""},"items":[{"name":""}]}</c>.
    /// </summary>
    public static Dictionary<string, object?> BuildSample(IEnumerable<IReadOnlyList<string>> paths, Func<IReadOnlyList<string>, object?>? leaf = null)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var path in paths) Insert(root, path, 0, leaf ?? (_ => ""));
        return root;
    }

    private static object? Insert(object? node, IReadOnlyList<string> path, int i, Func<IReadOnlyList<string>, object?> leaf)
    {
        if (i == path.Count) return node ?? leaf(path);
        if (path[i] == "[]")
        {
            var list = node as List<object?> ?? [null];
            list[0] = Insert(list[0], path, i + 1, leaf);
            return list;
        }
        var hash = node as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        hash[path[i]] = Insert(hash.GetValueOrDefault(path[i]), path, i + 1, leaf);
        return hash;
    }
}
