using System.Text;

namespace BrazeLite.Liquid.Filters;

/// <summary>Helpers the filters share: Liquid's <c>InputIterator</c>, Ruby's <c>[]</c>, argument access and size guards.</summary>
internal static class FilterSupport
{
    /// <summary>Largest string (in UTF-16 units) a filter may build; larger results are an error rather than a memory spike.</summary>
    public const int MaxStringLength = 4 * 1024 * 1024;

    /// <summary>Largest array a filter may build.</summary>
    public const int MaxArrayLength = 1_000_000;

    public static string Str(object? value) => LiquidValues.ToRubyString(value);

    public static string Guard(string result, string filter) =>
        result.Length > MaxStringLength
            ? throw new LiquidFilterException($"{filter}: result longer than {MaxStringLength:N0} characters")
            : result;

    public static void GuardLength(long length, string filter)
    {
        if (length > MaxStringLength)
            throw new LiquidFilterException($"{filter}: result longer than {MaxStringLength:N0} characters");
    }

    public static object? Named(FilterArguments args, string name) =>
        args.Named.TryGetValue(name, out var v) ? v : null;

    /// <summary>
    /// Liquid's <c>InputIterator</c>: arrays flattened, a hash as a one-element list, a range element by element,
    /// nil as nothing, anything else as a one-element list. Each element visited is charged as a render step.
    /// </summary>
    public static IEnumerable<object?> Iterate(object? input, IFilterContext context)
    {
        switch (input)
        {
            case null: yield break;
            case IList<object?> list:
                foreach (var item in Flatten(list, context, 0)) yield return item;
                yield break;
            case LiquidRange range:
                for (var i = range.Start; i <= range.End; i++)
                {
                    Charge(context, i - range.Start);
                    yield return i;
                    if (i == long.MaxValue) yield break;
                }
                yield break;
            default:
                context.Step();
                yield return input;
                yield break;
        }
    }

    private static IEnumerable<object?> Flatten(IList<object?> list, IFilterContext context, int depth)
    {
        if (depth > 100) throw new LiquidFilterException("flatten: nesting deeper than 100 levels");
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (item is IList<object?> inner)
            {
                foreach (var x in Flatten(inner, context, depth + 1)) yield return x;
            }
            else
            {
                Charge(context, i);
                yield return item;
            }
        }
    }

    private static void Charge(IFilterContext context, long index)
    {
        context.Step();
        if ((index & 1023) == 0) context.CancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary><see cref="Iterate"/> collected into a new list, refusing more than <see cref="MaxArrayLength"/> elements.</summary>
    public static List<object?> ToList(object? input, IFilterContext context, string filter)
    {
        var result = new List<object?>();
        foreach (var item in Iterate(input, context))
        {
            if (result.Count >= MaxArrayLength)
                throw new LiquidFilterException($"{filter}: more than {MaxArrayLength:N0} elements");
            result.Add(item);
        }
        return result;
    }

    /// <summary>True when <see cref="Iterate"/> would yield nothing.</summary>
    public static bool IsEmptyInput(object? input) => input switch
    {
        null => true,
        IList<object?> list => !HasLeaf(list, 0),
        LiquidRange r => r.End < r.Start,
        _ => false,
    };

    private static bool HasLeaf(IList<object?> list, int depth)
    {
        if (depth > 100) return true;
        foreach (var item in list)
            if (item is not IList<object?> inner || HasLeaf(inner, depth + 1)) return true;
        return false;
    }

    /// <summary>Whether a value answers Ruby's <c>[]</c> (hashes, arrays, strings, integers).</summary>
    public static bool RespondsToIndex(object? item) => item is IDictionary<string, object?> or IList<object?> or string or long or int;

    /// <summary>
    /// Ruby's <c>item[property]</c> as Liquid's array filters use it: a hash's value, an array's element for an integer,
    /// a string's substring when present. Throws "cannot select the property" where Ruby raises a TypeError.
    /// </summary>
    public static object? Index(object? item, object? property)
    {
        switch (item)
        {
            case IDictionary<string, object?> hash:
                return property is string key && hash.TryGetValue(key, out var v) ? v : null;
            case IList<object?> list:
                if (property is long i)
                {
                    if (i < 0) i += list.Count;
                    return i >= 0 && i < list.Count ? list[(int)i] : null;
                }
                throw PropertyError(property);
            case string s:
                if (property is string sub) return s.Contains(sub, StringComparison.Ordinal) ? sub : null;
                if (property is long n)
                {
                    var chars = RubyString.Of(s);
                    if (n < 0) n += chars.Length;
                    return n >= 0 && n < chars.Length ? chars.Substring(n, 1) : null;
                }
                throw PropertyError(property);
            case long or int:
                // Integer#[] reads a bit.
                if (property is long bit)
                {
                    var number = System.Convert.ToInt64(item, System.Globalization.CultureInfo.InvariantCulture);
                    return bit < 0 ? 0L : bit >= 63 ? (number < 0 ? 1L : 0L) : (number >> (int)bit) & 1;
                }
                throw PropertyError(property);
            default:
                return null;
        }
    }

    public static LiquidFilterException PropertyError(object? property) =>
        new($"cannot select the property '{LiquidValues.ToRubyString(property)}'");

    public static StringBuilder AppendGuarded(StringBuilder sb, string text, string filter)
    {
        GuardLength((long)sb.Length + text.Length, filter);
        return sb.Append(text);
    }
}

/// <summary>A string seen as Ruby sees it: a sequence of Unicode characters (surrogate pairs count once).</summary>
internal readonly struct RubyString
{
    private readonly string _s;
    private readonly int[]? _starts; // UTF-16 start of each character; null when the string has no surrogates

    private RubyString(string s, int[]? starts) { _s = s; _starts = starts; }

    public static RubyString Of(string s)
    {
        var hasPairs = false;
        foreach (var c in s)
            if (char.IsSurrogate(c)) { hasPairs = true; break; }
        if (!hasPairs) return new RubyString(s, null);
        var starts = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        }
        return new RubyString(s, [.. starts]);
    }

    public int Length => _starts?.Length ?? _s.Length;

    private int Start(long index) => _starts is null ? (int)index : index >= _starts.Length ? _s.Length : _starts[index];

    /// <summary>Characters <paramref name="start"/> .. start+count (clamped).</summary>
    public string Substring(long start, long count)
    {
        if (start >= Length || count <= 0) return "";
        var end = Math.Min(Length, start + count);
        var a = Start(start);
        var b = Start(end);
        return _s[a..b];
    }
}
