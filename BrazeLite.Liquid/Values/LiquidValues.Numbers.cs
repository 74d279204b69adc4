using System.Globalization;
using System.Numerics;

namespace BrazeLite.Liquid;

public static partial class LiquidValues
{
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
}
