using System.Numerics;
using System.Collections;

namespace BrazeLite.Liquid;

public static partial class LiquidValues
{
    /// <summary>
    /// Liquid's <c>==</c>: Ruby equality (<c>1 == 1.0</c>, arrays and hashes element by element, strings ordinal),
    /// and the <c>empty</c> / <c>blank</c> literals on either side test <see cref="IsEmpty"/> / <see cref="IsBlank"/> of the other side.
    /// </summary>
    public static bool Equal(object? left, object? right)
    {
        if (left is EmptyValue) return right is not (EmptyValue or BlankValue) && IsEmpty(right);
        if (left is BlankValue) return right is not (EmptyValue or BlankValue) && IsBlank(right);
        if (right is EmptyValue) return IsEmpty(left);
        if (right is BlankValue) return IsBlank(left);
        return RubyEquals(left, right, 0);
    }

    private static bool RubyEquals(object? a, object? b, int depth)
    {
        if (depth > MaxClrDepth) return false;
        if (a is null || b is null) return a is null && b is null;
        if (ReferenceEquals(a, b)) return true;
        switch (a)
        {
            case long la when b is long lb: return la == lb;
            case long la when b is double db: return la == db;
            case double da when b is long lb: return da == lb;
            case double da when b is double db: return da == db;
            case int ia: return RubyEquals((long)ia, b, depth);
            case string sa: return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case bool ba: return b is bool bb && ba == bb;
            case DateTimeOffset ta: return b is DateTimeOffset tb && ta == tb;
            case LiquidRange ra: return b is LiquidRange rb && ra == rb;
            case IList<object?> la:
                {
                    if (b is not IList<object?> lb || la.Count != lb.Count) return false;
                    for (var i = 0; i < la.Count; i++)
                        if (!RubyEquals(la[i], lb[i], depth + 1)) return false;
                    return true;
                }
            case IDictionary<string, object?> ha:
                {
                    if (b is not IDictionary<string, object?> hb || ha.Count != hb.Count) return false;
                    foreach (var (k, v) in ha)
                        if (!hb.TryGetValue(k, out var w) || !RubyEquals(v, w, depth + 1)) return false;
                    return true;
                }
        }
        if (b is int ib) return RubyEquals(a, (long)ib, depth);
        return a.Equals(b);
    }

    /// <summary>
    /// Liquid's <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>. Numbers compare with numbers, strings with strings
    /// (ordinal), times with times. Values that have no order in Ruby (nil, booleans, arrays, hashes, ranges)
    /// give false. A number against a string throws <see cref="LiquidFilterException"/> with Ruby's message,
    /// e.g. "comparison of Integer with String failed".
    /// </summary>
    /// <param name="left">Left operand.</param>
    /// <param name="op">One of <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>.</param>
    /// <param name="right">Right operand.</param>
    public static bool Compare(object? left, string op, object? right)
    {
        if (!IsOrdered(left) || !IsOrdered(right)) return false;
        var c = CompareOrdered(left!, right!);
        return op switch
        {
            "<" => c < 0,
            ">" => c > 0,
            "<=" => c <= 0,
            ">=" => c >= 0,
            _ => throw new ArgumentException($"unknown comparison operator '{op}'", nameof(op)),
        };
    }

    private static bool IsOrdered(object? v) => v is long or int or double or string or DateTimeOffset;

    // Orders two values that both respond to <=> in Ruby; throws Ruby's ArgumentError message when they are incompatible.
    internal static int CompareOrdered(object left, object right)
    {
        if (left is int il) left = (long)il;
        if (right is int ir) right = (long)ir;
        switch (left)
        {
            case long la when right is long lb: return la.CompareTo(lb);
            case long la when right is double db: return CompareDoubles(la, db, left, right);
            case double da when right is long lb: return CompareDoubles(da, lb, left, right);
            case double da when right is double db: return CompareDoubles(da, db, left, right);
            case string sa when right is string sb: return string.CompareOrdinal(sa, sb);
            case DateTimeOffset ta when right is DateTimeOffset tb: return ta.CompareTo(tb);
        }
        throw new LiquidFilterException(ComparisonFailure(left, right));
    }

    private static int CompareDoubles(double a, double b, object left, object right)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) throw new LiquidFilterException(ComparisonFailure(left, right));
        return a.CompareTo(b);
    }

    /// <summary>Ruby's message for an impossible comparison: "comparison of Integer with String failed", "comparison of String with 1 failed".</summary>
    public static string ComparisonFailure(object? left, object? right)
    {
        // Numeric receivers name the argument's class; Comparable receivers (String, Time) show immediates (nil, true, numbers) by inspect.
        var rightText = left is long or int or double
            ? RubyClassName(right)
            : right is null or bool or long or int or double ? Inspect(right) : RubyClassName(right);
        return $"comparison of {RubyClassName(left)} with {rightText} failed";
    }

    /// <summary>The Ruby class name of a value: Integer, Float, String, Array, Hash, NilClass, TrueClass, FalseClass, Range, Time.</summary>
    public static string RubyClassName(object? value) => value switch
    {
        null => "NilClass",
        true => "TrueClass",
        false => "FalseClass",
        long or int or BigInteger => "Integer",
        double => "Float",
        string => "String",
        IList<object?> => "Array",
        IDictionary<string, object?> => "Hash",
        LiquidRange => "Range",
        DateTimeOffset => "Time",
        EmptyValue or BlankValue => "String",
        _ => value.GetType().Name,
    };

    /// <summary>
    /// Liquid's <c>contains</c>: substring of a string (the right side as text), element of an array (Ruby equality),
    /// key of a hash, member of a range; false when either side is nil or the left side is anything else.
    /// </summary>
    public static bool Contains(object? left, object? right)
    {
        if (left is null || right is null) return false;
        switch (left)
        {
            case string s: return s.Contains(ToRubyString(right), StringComparison.Ordinal);
            case IList<object?> list:
                foreach (var item in list)
                    if (RubyEquals(item, right, 0)) return true;
                return false;
            case IDictionary<string, object?> hash: return right is string key && hash.ContainsKey(key);
            case LiquidRange r:
                return right switch
                {
                    long l => l >= r.Start && l <= r.End,
                    int i => i >= r.Start && i <= r.End,
                    double d => d >= r.Start && d <= r.End,
                    _ => false,
                };
            default: return false;
        }
    }

    /// <summary>
    /// Ruby's <c>size</c> as Liquid's <c>size</c> filter and <c>.size</c> see it: characters of a string, elements of an
    /// array, pairs of a hash, elements of a range, 8 for an integer (Ruby's <c>Integer#size</c>); otherwise 0.
    /// </summary>
    public static long Size(object? value) => value switch
    {
        string s => CharCount(s),
        IList<object?> l => l.Count,
        IDictionary<string, object?> h => h.Count,
        LiquidRange r => r.Count,
        long or int => 8,
        _ => 0,
    };

    /// <summary>A string's first character (a surrogate pair counts as one), or "" for an empty string.</summary>
    public static string FirstChar(string s) =>
        s.Length == 0 ? "" : s.Length > 1 && char.IsHighSurrogate(s[0]) && char.IsLowSurrogate(s[1]) ? s[..2] : s[..1];

    /// <summary>A string's last character (a surrogate pair counts as one), or "" for an empty string.</summary>
    public static string LastChar(string s) =>
        s.Length == 0 ? "" : s.Length > 1 && char.IsLowSurrogate(s[^1]) && char.IsHighSurrogate(s[^2]) ? s[^2..] : s[^1..];

    /// <summary>Number of characters (Unicode scalar values) as Ruby counts them; a surrogate pair is one character.</summary>
    public static int CharCount(string s)
    {
        var n = s.Length;
        for (var i = 0; i + 1 < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>Ruby's <c>empty?</c>: true for "", [] and {}; false for nil, false, numbers, ranges and anything else.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        string s => s.Length == 0,
        IList<object?> l => l.Count == 0,
        IDictionary<string, object?> h => h.Count == 0,
        EmptyValue or BlankValue => true,
        _ => false,
    };

    /// <summary>Liquid's <c>blank?</c>: nil, false, empty or whitespace-only strings, empty arrays and hashes.</summary>
    public static bool IsBlank(object? value) => value switch
    {
        null or false => true,
        string s => string.IsNullOrWhiteSpace(s),
        IList<object?> l => l.Count == 0,
        IDictionary<string, object?> h => h.Count == 0,
        EmptyValue or BlankValue => true,
        _ => false,
    };
}
