using System.Numerics;
using System.Globalization;
using System.Text;

namespace BrazeLite.Liquid;

public static partial class LiquidValues
{
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
        if (ShortestDecimal.TryFormatPlain(d) is { } fast) return fast;

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
}
