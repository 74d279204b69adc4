using System.Text;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>Liquid's array filters. Input goes through Liquid's <c>InputIterator</c> (arrays flattened, ranges walked lazily).</summary>
internal static class ArrayFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("size", (input, _, _) => LiquidValues.Size(input), arity: (1, 1));
        filters.Add("first", (input, _, _) => input switch
        {
            IList<object?> list => list.Count > 0 ? list[0] : null,
            string s => LiquidValues.FirstChar(s),
            LiquidRange r => r.Start,
            IDictionary<string, object?> hash => hash.Count > 0 ? FirstPair(hash) : null,
            _ => null,
        }, arity: (1, 1));
        filters.Add("last", (input, _, _) => input switch
        {
            IList<object?> list => list.Count > 0 ? list[^1] : null,
            string s => LiquidValues.LastChar(s),
            LiquidRange r => r.End,
            _ => null,
        }, arity: (1, 1));
        filters.Add("join", Join, arity: (1, 2));
        filters.Add("concat", (input, args, context) =>
        {
            if (args[0] is not IList<object?> other) throw new LiquidFilterException("concat filter requires an array argument");
            var result = ToList(input, context, "concat");
            if ((long)result.Count + other.Count > MaxArrayLength) throw new LiquidFilterException($"concat: more than {MaxArrayLength:N0} elements");
            context.Step(other.Count);
            result.AddRange(other);
            return result;
        }, arity: (2, 2));
        filters.Add("reverse", (input, _, context) =>
        {
            var list = ToList(input, context, "reverse");
            list.Reverse();
            return list;
        }, arity: (1, 1));
        filters.Add("compact", Compact, arity: (1, 2));
        filters.Add("uniq", Uniq, arity: (1, 2));
        filters.Add("sort", (input, args, context) => Sort(input, args, context, natural: false), arity: (1, 2));
        filters.Add("sort_natural", (input, args, context) => Sort(input, args, context, natural: true), arity: (1, 2));
        filters.Add("map", Map, arity: (2, 2));
        filters.Add("where", (input, args, context) => Select(input, args, context, "where", (list, test) => list.Where(test).ToList<object?>(), new List<object?>()), arity: (2, 3));
        filters.Add("reject", (input, args, context) => Select(input, args, context, "reject", (list, test) => list.Where(x => !test(x)).ToList<object?>(), new List<object?>()), arity: (2, 3));
        filters.Add("has", (input, args, context) => Select(input, args, context, "has", (list, test) => list.Any(test), false), arity: (2, 3));
        filters.Add("find", (input, args, context) => Select(input, args, context, "find", (list, test) => list.FirstOrDefault(test), null), arity: (2, 3));
        filters.Add("find_index", (input, args, context) => Select(input, args, context, "find_index", (list, test) =>
        {
            var i = list.FindIndex(x => test(x));
            return i < 0 ? null : (object)(long)i;
        }, null), arity: (2, 3));
    }

    private static List<object?> FirstPair(IDictionary<string, object?> hash)
    {
        foreach (var (k, v) in hash) return [k, v];
        return [];
    }

    private static object? Join(object? input, FilterArguments args, IFilterContext context)
    {
        var glue = args.Count > 0 ? Str(args[0]) : " ";
        if (input is IList<object?> { Count: <= 64 } small && IsFlat(small))
        {
            // A short flat array, the usual case: one exact-size string instead of a growing builder.
            context.CancellationToken.ThrowIfCancellationRequested();
            var parts = new string[small.Count];
            var length = (long)glue.Length * Math.Max(0, parts.Length - 1);
            for (var i = 0; i < parts.Length; i++)
            {
                context.Step();
                parts[i] = Str(small[i]);
                length += parts[i].Length;
            }
            GuardLength(length, "join");
            return string.Join(glue, parts);
        }
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in Iterate(input, context))
        {
            if (!first) AppendGuarded(sb, glue, "join");
            first = false;
            AppendGuarded(sb, Str(item), "join");
        }
        return sb.ToString();
    }

    private static bool IsFlat(IList<object?> list)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] is IList<object?>) return false;
        return true;
    }

    private static object? Compact(object? input, FilterArguments args, IFilterContext context)
    {
        var property = args.Count > 0 ? args[0] : null;
        var list = ToList(input, context, "compact");
        if (property is null) return list.Where(x => x is not null).ToList();
        if (list.Count == 0) return list;
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (!RespondsToIndex(item)) return null;
            if (Index(item, property) is not null) result.Add(item);
        }
        return result;
    }

    private static object? Uniq(object? input, FilterArguments args, IFilterContext context)
    {
        var property = args.Count > 0 ? args[0] : null;
        var list = ToList(input, context, "uniq");
        var seen = new HashSet<object?>(RubyEql.Instance);
        var result = new List<object?>();
        foreach (var item in list)
        {
            object? key;
            if (property is null) key = item;
            else
            {
                if (!RespondsToIndex(item)) return null;
                key = Index(item, property);
            }
            if (seen.Add(key)) result.Add(item);
        }
        return result;
    }

    private static object? Sort(object? input, FilterArguments args, IFilterContext context, bool natural)
    {
        var filter = natural ? "sort_natural" : "sort";
        var property = args.Count > 0 ? args[0] : null;
        var list = ToList(input, context, filter);
        if (list.Count == 0) return list;
        Comparison<object?> compare = natural ? NilSafeCaseCompare : NilSafeCompare;
        if (property is not null)
        {
            if (!list.All(RespondsToIndex)) return null;
            var keyed = list.Select(item => (Key: Index(item, property), Item: item)).ToList();
            context.Step(keyed.Count);
            return StableSort(keyed, (a, b) => compare(a.Key, b.Key)).Select(p => p.Item).ToList();
        }
        context.Step(list.Count);
        return StableSort(list, compare);
    }

    // A merge sort, so the comparison's Liquid errors surface unwrapped and equal keys keep their order.
    private static List<T> StableSort<T>(List<T> items, Comparison<T> compare)
    {
        if (items.Count < 2) return items;
        var a = items.ToArray();
        var b = new T[a.Length];
        for (var width = 1; width < a.Length; width *= 2)
        {
            for (var lo = 0; lo < a.Length; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, a.Length), hi = Math.Min(lo + 2 * width, a.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            (a, b) = (b, a);
        }
        return [.. a];
    }

    // Ruby's a <=> b with nils last; values with no order between them are an error, as in Liquid.
    private static int NilSafeCompare(object? a, object? b)
    {
        var c = Spaceship(a, b, 0);
        if (c is { } r) return r;
        if (a is null) return 1;
        if (b is null) return -1;
        throw new LiquidFilterException("cannot sort values of incompatible types");
    }

    private static int NilSafeCaseCompare(object? a, object? b)
    {
        if (a is not null && b is not null) return CaseCompare(Str(a), Str(b));
        if (a is null && b is null) return 0;
        return a is null ? 1 : -1;
    }

    // Ruby's String#casecmp: ASCII letters folded, otherwise ordinal.
    private static int CaseCompare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = char.IsAsciiLetterUpper(a[i]) ? (char)(a[i] | 0x20) : a[i];
            var y = char.IsAsciiLetterUpper(b[i]) ? (char)(b[i] | 0x20) : b[i];
            if (x != y) return x < y ? -1 : 1;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Ruby's <c>&lt;=&gt;</c>: null where Ruby returns nil (no order).</summary>
    internal static int? Spaceship(object? a, object? b, int depth)
    {
        if (depth > 100) return null;
        switch (a)
        {
            case null: return b is null ? 0 : null;
            case long la when b is long lb: return la.CompareTo(lb);
            case long or int or double when b is long or int or double:
                {
                    var x = Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture);
                    var y = Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture);
                    if (double.IsNaN(x) || double.IsNaN(y)) return null;
                    return x.CompareTo(y);
                }
            case string sa when b is string sb: return Math.Sign(string.CompareOrdinal(sa, sb));
            case DateTimeOffset ta when b is DateTimeOffset tb: return ta.CompareTo(tb);
            case IList<object?> la when b is IList<object?> lb:
                {
                    var n = Math.Min(la.Count, lb.Count);
                    for (var i = 0; i < n; i++)
                    {
                        var c = Spaceship(la[i], lb[i], depth + 1);
                        if (c != 0) return c;
                    }
                    return la.Count.CompareTo(lb.Count);
                }
            default:
                return LiquidValues.Equal(a, b) && a.GetType() == b?.GetType() ? 0 : null;
        }
    }

    private static object? Map(object? input, FilterArguments args, IFilterContext context)
    {
        var property = args.Count > 0 ? args[0] : null;
        var result = new List<object?>();
        foreach (var item in Iterate(input, context))
        {
            if (result.Count >= MaxArrayLength) throw new LiquidFilterException($"map: more than {MaxArrayLength:N0} elements");
            if (property is "to_liquid") result.Add(item);
            else result.Add(RespondsToIndex(item) ? Index(item, property) : null);
        }
        return result;
    }

    // Liquid's filter_array, shared by where, reject, has, find and find_index.
    private static object? Select(object? input, FilterArguments args, IFilterContext context, string filter,
        Func<List<object?>, Func<object?, bool>, object?> apply, object? whenEmpty)
    {
        var property = args.Count > 0 ? args[0] : null;
        var hasTarget = args.Count > 1 && args[1] is not null;
        var target = args[1];
        var list = ToList(input, context, filter);
        if (list.Count == 0) return whenEmpty;
        foreach (var item in list)
            if (!RespondsToIndex(item)) return null;
        return apply(list, item =>
        {
            var value = Index(item, property);
            return hasTarget ? LiquidValues.Equal(value, target) : LiquidValues.IsTruthy(value);
        });
    }

    /// <summary>Ruby's <c>eql?</c>/<c>hash</c> as <c>uniq</c> uses them: 1 and 1.0 differ; arrays and hashes compare by content.</summary>
    private sealed class RubyEql : IEqualityComparer<object?>
    {
        public static readonly RubyEql Instance = new();

        public new bool Equals(object? x, object? y)
        {
            if (x is null || y is null) return x is null && y is null;
            if (x.GetType() != y.GetType() && !(x is IList<object?> && y is IList<object?>) && !(x is IDictionary<string, object?> && y is IDictionary<string, object?>))
                return false;
            return LiquidValues.Equal(x, y);
        }

        public int GetHashCode(object? obj) => obj switch
        {
            null => 0,
            IList<object?> list => list.Count,
            IDictionary<string, object?> hash => hash.Count * 31,
            double d => d.GetHashCode() ^ 0x5bd1e995,
            _ => obj.GetHashCode(),
        };
    }
}
