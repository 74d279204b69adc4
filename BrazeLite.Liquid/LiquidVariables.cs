using System.Text;
using BrazeLite.Liquid.Parsing;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid;

/// <summary>Lists the variable paths templates read, e.g. every <c>api_trigger_properties</c> key a campaign uses.</summary>
public static class LiquidVariables
{
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
    /// A sample payload holding every path as nested objects (<c>"[]"</c> as a one-element array), each leaf an empty string:
    /// <c>["order", "total"]</c> and <c>["items", "[]", "name"]</c> give <c>{"order":{"total":""},"items":[{"name":""}]}</c>.
    /// </summary>
    public static Dictionary<string, object?> BuildSample(IEnumerable<IReadOnlyList<string>> paths)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var path in paths) Insert(root, path, 0);
        return root;
    }

    private static object? Insert(object? node, IReadOnlyList<string> path, int i)
    {
        if (i == path.Count) return node ?? "";
        if (path[i] == "[]")
        {
            var list = node as List<object?> ?? [null];
            list[0] = Insert(list[0], path, i + 1);
            return list;
        }
        var hash = node as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        hash[path[i]] = Insert(hash.GetValueOrDefault(path[i]), path, i + 1);
        return hash;
    }
}
