namespace BrazeLite.Liquid;

/// <summary>
/// The shortest decimal digits of a double (what <c>ToString("R")</c> and Ruby's <c>Float#to_s</c> print) found
/// with arithmetic instead of text, for the common doubles with at most 15 significant digits: a price, a
/// percentage, a rounded result. Math filters and printing both start from these digits, so this is their fast path;
/// anything else falls back to the text conversion.
/// </summary>
internal static class ShortestDecimal
{
    private const double Limit = 1e15;

    private static readonly double[] Pow10 =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    private static readonly long[] Pow10Long =
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
         100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000];

    /// <summary>
    /// <paramref name="d"/> = <paramref name="digits"/> × 10^-<paramref name="scale"/> with the fewest digits, when
    /// those are at most 15 significant digits; false for zero, non-finite values and anything longer.
    /// </summary>
    /// <remarks>
    /// For each scale k, the integer nearest d × 10^k is the candidate; it is the shortest representation when
    /// dividing it by 10^k (both exact doubles, one correctly rounded division, as parsing the text would do) gives d
    /// back. Below 10^15 the rounding of d × 10^k is under a quarter unit, so the nearest integer is the only
    /// candidate, and every double has a representation of at most 15 significant digits only if one of these is it.
    /// </remarks>
    public static bool TryGet(double d, out long digits, out int scale)
    {
        var abs = Math.Abs(d);
        if (abs is >= 1e-15 and < Limit)
        {
            for (var k = 0; k < Pow10.Length; k++)
            {
                var x = d * Pow10[k];
                if (Math.Abs(x) >= Limit) break;
                var r = Math.Round(x);
                if (r / Pow10[k] == d)
                {
                    digits = (long)r;
                    scale = k;
                    return true;
                }
            }
        }
        digits = 0;
        scale = 0;
        return false;
    }

    /// <summary>The decimal with exactly these digits and scale.</summary>
    public static decimal ToDecimal(long digits, int scale)
    {
        var magnitude = (ulong)Math.Abs(digits);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, digits < 0, (byte)scale);
    }

    /// <summary>
    /// Ruby's <c>Float#to_s</c> in plain notation (<c>12.5</c>, <c>3.0</c>, <c>0.0001</c>), or null where Ruby
    /// would print an exponent (below 0.0001) or the digits are not known here.
    /// </summary>
    public static string? TryFormatPlain(double d)
    {
        if (!TryGet(d, out var digits, out var scale) || Math.Abs(d) < 1e-4) return null;
        var magnitude = (ulong)Math.Abs(digits);
        var unit = (ulong)Pow10Long[scale];
        var whole = magnitude / unit;
        var fraction = magnitude % unit;
        Span<char> buffer = stackalloc char[40];
        var at = 0;
        if (digits < 0) buffer[at++] = '-';
        whole.TryFormat(buffer[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = '.';
        if (scale == 0)
        {
            buffer[at++] = '0';
        }
        else
        {
            for (var i = scale - 1; i >= 0; i--)
            {
                buffer[at + i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }
            at += scale;
        }
        return new string(buffer[..at]);
    }
}
