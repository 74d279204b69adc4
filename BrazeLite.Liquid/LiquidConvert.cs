using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrazeLite.Liquid;

/// <summary>
/// The semantics of Liquid values as Shopify Liquid (Ruby) defines them: truthiness, printing,
/// Ruby's <c>inspect</c>, number coercion, equality, ordering, <c>contains</c>, <c>size</c>,
/// <c>empty</c>/<c>blank</c>, and the normalisation of caller data into the value model.
/// </summary>
public static class LiquidValues
{
    private const int MaxClrDepth = 64;

    // ---------------------------------------------------------------- truthiness

    /// <summary>Liquid truthiness: only <c>nil</c> and <c>false</c> are falsy (0, "" and [] are truthy).</summary>
    public static bool IsTruthy(object? value) => value is not (null or false);

    // ---------------------------------------------------------------- printing

    /// <summary>
    /// The text <c>{{ value }}</c> prints: nil gives "", arrays are joined without separator (recursively),
    /// hashes print as Ruby's <c>inspect</c> (<c>{"foo"=&gt;"bar"}</c>), floats as Ruby (<c>1.0</c>, <c>1.0e+20</c>),
    /// times as Ruby's <c>Time#to_s</c> (<c>2024-01-01 00:00:00 +0000</c>), ranges as <c>1..5</c>.
    /// </summary>
    public static string ToOutputString(object? value)
    {
        switch (value)
        {
            case null: return "";
            case string s: return s;
            case IList<object?> list:
                {
                    var sb = new StringBuilder();
                    AppendJoined(sb, list, 0);
                    return sb.ToString();
                }
            default: return ToRubyString(value);
        }
    }

    /// <summary>Writes what <c>{{ value }}</c> prints into <paramref name="sb"/> without an intermediate string for arrays.</summary>
    public static void AppendOutput(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: sb.Append(s); return;
            case long l: sb.Append(CultureInfo.InvariantCulture, $"{l}"); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case IList<object?> list: AppendJoined(sb, list, 0); return;
            default: sb.Append(ToRubyString(value)); return;
        }
    }

    private static void AppendJoined(StringBuilder sb, IList<object?> list, int depth)
    {
        if (depth > MaxClrDepth) throw new LiquidFilterException("nesting too deep");
        foreach (var item in list)
        {
            if (item is IList<object?> inner) AppendJoined(sb, inner, depth + 1);
            else if (item is string s) sb.Append(s);
            else if (item is not null) sb.Append(ToRubyString(item));
        }
    }

    /// <summary>
    /// Ruby's <c>to_s</c>, which filters apply to their input: like <see cref="ToOutputString"/> except that
    /// arrays print as <c>inspect</c> (<c>["a", "b"]</c>), as in <c>{{ array | append: "x" }}</c>.
    /// </summary>
    public static string ToRubyString(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        DateTimeOffset t => FormatTime(t),
        LiquidRange r => r.ToString(),
        EmptyValue or BlankValue => "",
        IList<object?> or IDictionary<string, object?> => Inspect(value),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Ruby's <c>Float#to_s</c>: shortest round-trip digits, <c>1.0</c>, <c>0.1</c>, <c>1.0e+20</c>, <c>1.0e-05</c>, <c>-0.0</c>, <c>Infinity</c>, <c>NaN</c>.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";

        // Plain notation from .NET's shortest round-trip text is Ruby's too while the decimal point sits
        // within Ruby's range (at most 16 integer digits, at most 3 zeros after "0.").
        var plain = d.ToString("R", CultureInfo.InvariantCulture);
        if (plain.IndexOf('E') < 0)
        {
            var start = plain[0] == '-' ? 1 : 0;
            var dot = plain.IndexOf('.');
            var intDigits = (dot < 0 ? plain.Length : dot) - start;
            if (intDigits <= 16 && !(intDigits == 1 && plain[start] == '0' && plain.Length > dot + 4 && plain.AsSpan(dot + 1, 4) is "0000"))
                return dot < 0 ? plain + ".0" : plain;
        }
        return FormatFloatFromDigits(d);
    }

    // Ruby's flo_to_s from the shortest digits and the decimal point position.
    internal static string FormatFloatFromDigits(double d)
    {
        if (d == 0 || !double.IsFinite(d)) return FormatFloat(d);
        var (negative, digits, decpt) = ShortestDigits(d);
        var sb = new StringBuilder(digits.Length + 8);
        if (negative) sb.Append('-');
        if (decpt < -3 || decpt > 16)
        {
            sb.Append(digits[0]).Append('.');
            sb.Append(digits.Length > 1 ? digits.AsSpan(1) : "0");
            var exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits.AsSpan(0, decpt)).Append('.').Append(digits.AsSpan(decpt));
        }
        return sb.ToString();
    }

    // Digits of the shortest round-trip representation and the decimal point position: d = 0.DIGITS * 10^decpt.
    private static (bool Negative, string Digits, int DecPt) ShortestDigits(double d)
    {
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r[1..];
        var exp = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.');
        string intPart = dot < 0 ? r : r[..dot], frac = dot < 0 ? "" : r[(dot + 1)..];
        var all = intPart + frac;
        var decpt = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0') lead++;
        all = all[lead..];
        decpt -= lead;
        all = all.TrimEnd('0');
        if (all.Length == 0) all = "0";
        return (negative, all, decpt);
    }

    /// <summary>Ruby's <c>Time#to_s</c>: <c>2024-01-01 00:00:00 +0000</c>.</summary>
    public static string FormatTime(DateTimeOffset t)
    {
        var off = t.Offset;
        var sign = off < TimeSpan.Zero ? '-' : '+';
        off = off.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{t:yyyy-MM-dd HH:mm:ss} {sign}{off.Hours:00}{off.Minutes:00}");
    }

    // ---------------------------------------------------------------- inspect

    /// <summary>Ruby's <c>inspect</c>: <c>nil</c>, <c>"a\"b"</c>, <c>[1, "a", nil]</c>, <c>{"foo"=&gt;"bar", "n"=&gt;1}</c>, <c>1..5</c>.</summary>
    public static string Inspect(object? value)
    {
        var sb = new StringBuilder();
        AppendInspect(sb, value, 0);
        return sb.ToString();
    }

    private static void AppendInspect(StringBuilder sb, object? value, int depth)
    {
        if (depth > MaxClrDepth) throw new LiquidFilterException("nesting too deep");
        switch (value)
        {
            case null: sb.Append("nil"); break;
            case string s: AppendInspectString(sb, s); break;
            case IList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendInspect(sb, list[i], depth + 1);
                }
                sb.Append(']');
                break;
            case IDictionary<string, object?> hash:
                {
                    sb.Append('{');
                    var first = true;
                    foreach (var (k, v) in hash)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        AppendInspectString(sb, k);
                        sb.Append("=>");
                        AppendInspect(sb, v, depth + 1);
                    }
                    sb.Append('}');
                    break;
                }
            default: sb.Append(ToRubyString(value)); break;
        }
    }

    private static void AppendInspectString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                case '\b': sb.Append("\\b"); break;
                case '\a': sb.Append("\\a"); break;
                case '\u001b': sb.Append("\\e"); break;
                case '#' when i + 1 < s.Length && s[i + 1] is '{' or '$' or '@': sb.Append("\\#"); break;
                default:
                    if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    // ---------------------------------------------------------------- numbers

    /// <summary>
    /// Liquid's <c>Utils.to_number</c>: numbers stay as they are; a string that is (after trimming)
    /// <c>-?\d+\.\d+</c> becomes a float, any other string takes Ruby's <c>to_i</c> (leading integer or 0);
    /// everything else is 0.
    /// </summary>
    public static object ToNumber(object? value) => value switch
    {
        long or double => value,
        int i => (long)i,
        string s => ParseNumber(s),
        _ => 0L,
    };

    /// <summary>Converts to a number when the value is one or a string that looks like one (<c>"3"</c>, <c>"-3.5"</c>); otherwise false.</summary>
    public static bool TryToNumber(object? value, out object number)
    {
        switch (value)
        {
            case long or double: number = value; return true;
            case int i: number = (long)i; return true;
            case string s:
                {
                    var t = s.Trim();
                    if (IsFloatLiteral(t) && double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                    {
                        number = d; return true;
                    }
                    if (t.Length > 0 && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    {
                        number = l; return true;
                    }
                    number = 0L; return false;
                }
            default: number = 0L; return false;
        }
    }

    private static object ParseNumber(string s)
    {
        var t = s.Trim();
        if (IsFloatLiteral(t)) return double.Parse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return RubyToI(s);
    }

    // /\A-?\d+\.\d+\z/
    private static bool IsFloatLiteral(string t)
    {
        var i = 0;
        if (i < t.Length && t[i] == '-') i++;
        var start = i;
        while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
        if (i == start || i >= t.Length || t[i] != '.') return false;
        i++;
        start = i;
        while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
        return i > start && i == t.Length;
    }

    /// <summary>Ruby's <c>String#to_i</c>: optional leading whitespace and sign, then digits (underscores between digits allowed); 0 when none.</summary>
    public static long RubyToI(string s)
    {
        var i = 0;
        while (i < s.Length && (char.IsWhiteSpace(s[i]))) i++;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) { negative = s[i] == '-'; i++; }
        BigInteger acc = 0;
        var any = false;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i])) { acc = acc * 10 + (s[i] - '0'); any = true; }
            else if (s[i] == '_' && any && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])) { }
            else break;
            i++;
            if (acc > long.MaxValue) break;
        }
        if (negative) acc = -acc;
        if (acc > long.MaxValue) return long.MaxValue;
        if (acc < long.MinValue) return long.MinValue;
        return (long)acc;
    }

    /// <summary>
    /// Liquid's <c>Utils.to_integer</c>: integers as they are, anything else through Ruby's strict <c>Integer(to_s)</c>;
    /// throws <see cref="LiquidFilterException"/> "invalid integer" for text that is not a whole number.
    /// </summary>
    public static long ToInteger(object? value)
    {
        switch (value)
        {
            case long l: return l;
            case int i: return i;
        }
        var s = ToRubyString(value).Trim().Replace("_", "", StringComparison.Ordinal);
        if (s.Length > 0 && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r)) return r;
        throw new LiquidFilterException("invalid integer");
    }

    /// <summary>True for <see cref="long"/> and <see cref="double"/> (and unnormalised CLR integers).</summary>
    public static bool IsNumber(object? value) => value is long or double or int;

    // ---------------------------------------------------------------- equality and ordering

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

    // ---------------------------------------------------------------- caller data

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
