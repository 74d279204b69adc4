using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BrazeLite.Liquid.Filters;

/// <summary>Ruby's <c>Time#strftime</c> and the date reading of Liquid's <c>Utils.to_date</c> (<c>Time.parse</c>).</summary>
public static partial class RubyTime
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Liquid's <c>Utils.to_date</c>: times as they are; "now" and "today" (any case) give <paramref name="now"/>;
    /// integers and digit-only strings are Unix seconds (UTC); other strings are read like Ruby's <c>Time.parse</c>
    /// (a time without a zone is UTC). Null when the value is not a date.
    /// </summary>
    public static DateTimeOffset? ToDate(object? value, DateTimeOffset now)
    {
        switch (value)
        {
            case DateTimeOffset t: return t;
            case long l: return FromUnix(l);
            case int i: return FromUnix(i);
            case string s:
                {
                    if (s.Length == 0) return null;
                    var lower = s.ToLowerInvariant();
                    if (lower is "now" or "today") return now;
                    if (lower.All(char.IsAsciiDigit))
                        return long.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var secs) ? FromUnix(secs) : null;
                    return Parse(s, now);
                }
            default: return null;
        }
    }

    private static DateTimeOffset? FromUnix(long seconds)
    {
        if (seconds < -62135596800 || seconds > 253402300799) return null;
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    [GeneratedRegex(@"^\s*(?<y>[-+]?\d{4,})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>Z|UTC|GMT|[-+]\d{2}(?::?\d{2})?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?(?:\s*(?<ap>[ap])\.?m\.?\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"(?<![\w])(?:(?<z>Z|UTC|GMT)(?<off>[-+]\d{1,2}(?::?\d{2})?)?|(?<off>[-+]\d{2}:?\d{2}|[-+]\d{2}(?=\s|$))|(?<abbr>[ECMP][SD]T))(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneRegex();

    [GeneratedRegex(@"\b(?<y>\d{4})[-/.](?<mo>\d{1,2})[-/.](?<d>\d{1,2})\b|\b(?<mo>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{2,4})\b|\b(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"\b(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameRegex();

    [GeneratedRegex(@"\b(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayNameRegex();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    /// <summary>
    /// Reads a date string the way Ruby's <c>Time.parse</c> does for the common forms: ISO 8601
    /// (<c>2020-06-15</c>, <c>2020-06-15T14:30:00Z</c>, <c>2020-06-15 14:30:00 -04:00</c>), <c>2020/06/15</c>, <c>06/15/2020</c>,
    /// <c>Fri Jul 16 01:00:00 2004</c>, <c>July 5, 2006</c>, <c>5 Jul 2006 10:00 PM EST</c>. Missing parts come from
    /// <paramref name="now"/> as Ruby takes them from the current date; null when the text holds no date or time.
    /// </summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        if (text.Length > 200) return null;
        if (TryParseIsoFast(text) is { } fast) return fast;
        var iso = IsoRegex().Match(text);
        if (iso.Success)
        {
            var offset = iso.Groups["z"].Success ? ParseOffset(iso.Groups["z"].Value) : TimeSpan.Zero;
            return Build(Int(iso, "y"), Int(iso, "mo"), Int(iso, "d"), Int(iso, "h"), Int(iso, "mi"), Int(iso, "s"), Fraction(iso), offset ?? TimeSpan.Zero);
        }

        var rest = text;
        int? hour = null, minute = null, second = null;
        long ticks = 0;
        var time = TimeRegex().Match(rest);
        if (time.Success)
        {
            hour = Int(time, "h");
            minute = Int(time, "mi");
            second = time.Groups["s"].Success ? Int(time, "s") : 0;
            ticks = Fraction(time);
            if (time.Groups["ap"].Success)
            {
                var pm = char.ToLowerInvariant(time.Groups["ap"].Value[0]) == 'p';
                if (hour > 12) return null;
                hour = hour % 12 + (pm ? 12 : 0);
            }
            rest = rest.Remove(time.Index, time.Length).Insert(time.Index, " ");
        }

        TimeSpan? zone = null;
        var z = ZoneRegex().Match(rest);
        if (z.Success)
        {
            zone = z.Groups["abbr"].Success ? AbbreviationOffset(z.Groups["abbr"].Value) : TimeSpan.Zero;
            if (z.Groups["off"].Success) zone = ParseOffset(z.Groups["off"].Value);
            rest = rest.Remove(z.Index, z.Length).Insert(z.Index, " ");
        }

        rest = DayNameRegex().Replace(rest, " ");
        int? year = null, month = null, day = null;
        var numeric = NumericDateRegex().Match(rest);
        if (numeric.Success)
        {
            year = Int(numeric, "y");
            if (numeric.Groups["y"].Value.Length == 2) year += year < 69 ? 2000 : 1900;
            month = Int(numeric, "mo");
            day = Int(numeric, "d");
        }
        else
        {
            var mon = MonthNameRegex().Match(rest);
            if (mon.Success)
            {
                month = Array.FindIndex(Months, m => m.StartsWith(mon.Groups["mon"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
                rest = rest.Remove(mon.Index, mon.Length).Insert(mon.Index, " ");
                foreach (Match n in NumberRegex().Matches(rest))
                {
                    var v = int.Parse(n.Value, CultureInfo.InvariantCulture);
                    if (n.Value.Length >= 3 || (day is not null && year is null)) year ??= v;
                    else if (day is null && v is >= 1 and <= 31) day = v;
                    else year ??= v;
                }
                if (year is < 100 && year is not null) year += year < 69 ? 2000 : 1900;
            }
        }

        if (month is null && hour is null) return null;
        var offsetValue = zone ?? TimeSpan.Zero;
        var localNow = now.ToOffset(offsetValue);
        return Build(year ?? localNow.Year, month ?? localNow.Month, day ?? (month is null ? localNow.Day : 1),
            hour ?? 0, minute ?? 0, second ?? 0, ticks, offsetValue);
    }

    // yyyy-MM-dd, optionally followed by [T ]HH:mm[:ss] and Z / UTC / ±HH:MM / ±HHMM: the common forms, read without regular expressions.
    private static DateTimeOffset? TryParseIsoFast(string s)
    {
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return null;
        if (!Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)) return null;
        int h = 0, mi = 0, sec = 0, i = 10;
        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            if (s[i] is not ('T' or ' ') || s.Length < i + 6 || !Digits(s, i + 1, 2, out h) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out mi)) return null;
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out sec)) return null;
                i += 3;
            }
            if (i < s.Length && s[i] == ' ') i++;
            var rest = s.AsSpan(i);
            if (rest.Length == 0 || rest is "Z" or "UTC" or "GMT") { }
            else if (rest.Length is 5 or 6 && rest[0] is '+' or '-' && Digits(s, i + 1, 2, out var oh)
                && Digits(s, i + rest.Length - 2, 2, out var om) && (rest.Length == 5 || rest[3] == ':') && oh <= 14 && om <= 59)
                offset = (rest[0] == '-' ? -1 : 1) * new TimeSpan(oh, om, 0);
            else return null;
        }
        return Build(y, mo, d, h, mi, sec, 0, offset);
    }

    private static bool Digits(string s, int at, int count, out int value)
    {
        value = 0;
        if (at + count > s.Length) return false;
        for (var k = at; k < at + count; k++)
        {
            if (!char.IsAsciiDigit(s[k])) return false;
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

    private static long Fraction(Match m)
    {
        if (!m.Groups["f"].Success) return 0;
        var f = m.Groups["f"].Value;
        f = f.Length > 7 ? f[..7] : f.PadRight(7, '0');
        return long.Parse(f, CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        if (hour > 24 || minute > 59 || second > 60) return null;
        try
        {
            var dt = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
                .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddTicks(ticks);
            return new DateTimeOffset(dt, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? ParseOffset(string z)
    {
        if (z.Equals("Z", StringComparison.OrdinalIgnoreCase) || z.Equals("UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("GMT", StringComparison.OrdinalIgnoreCase))
            return TimeSpan.Zero;
        var sign = z[0] == '-' ? -1 : 1;
        var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
        int h, m = 0;
        if (digits.Length <= 2) h = int.Parse(digits, CultureInfo.InvariantCulture);
        else
        {
            h = int.Parse(digits[..^2], CultureInfo.InvariantCulture);
            m = int.Parse(digits[^2..], CultureInfo.InvariantCulture);
        }
        if (h > 14 || m > 59) return null;
        return sign * new TimeSpan(h, m, 0);
    }

    private static TimeSpan AbbreviationOffset(string abbr) => abbr.ToUpperInvariant() switch
    {
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        _ => TimeSpan.Zero,
    };

    /// <summary>
    /// Ruby's <c>Time#strftime</c>: all conversions (<c>%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %L %m %M %n %N
    /// %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z %Z %+ %%</c>) with the flags <c>-</c> (no padding),
    /// <c>_</c> (spaces), <c>0</c> (zeros), <c>^</c> (upper case), <c>#</c> (swap case) and a width. Unknown conversions
    /// are copied as written.
    /// </summary>
    public static string Strftime(DateTimeOffset t, string format)
    {
        var sb = new StringBuilder(format.Length + 16);
        Format(sb, t, format, 0);
        return sb.ToString();
    }

    private static void Format(StringBuilder sb, DateTimeOffset t, string format, int depth)
    {
        var i = 0;
        while (i < format.Length)
        {
            if (sb.Length > FilterSupport.MaxStringLength)
                throw new LiquidFilterException($"date: result longer than {FilterSupport.MaxStringLength:N0} characters");
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var start = i;
            i++;
            char? pad = null;
            var upper = false;
            var swap = false;
            while (i < format.Length && format[i] is '-' or '_' or '0' or '^' or '#')
            {
                switch (format[i])
                {
                    case '-': pad = '\0'; break;
                    case '_': pad = ' '; break;
                    case '0': pad = '0'; break;
                    case '^': upper = true; break;
                    case '#': swap = true; break;
                }
                i++;
            }
            var width = -1;
            var ws = i;
            while (i < format.Length && char.IsAsciiDigit(format[i]) && i - ws < 3) i++;
            if (i > ws) width = int.Parse(format.AsSpan(ws, i - ws), CultureInfo.InvariantCulture);
            var colons = 0;
            while (i < format.Length && format[i] == ':' && colons < 3) { colons++; i++; }
            if (i >= format.Length)
            {
                sb.Append(format, start, format.Length - start);
                break;
            }
            var conv = format[i];
            i++;
            if (colons > 0 && conv != 'z')
            {
                sb.Append(format, start, i - start);
                continue;
            }
            if (!Convert(sb, t, conv, pad, width, upper, swap, colons, depth))
                sb.Append(format, start, i - start);
        }
    }

    private static bool Convert(StringBuilder sb, DateTimeOffset t, char conv, char? pad, int width, bool upper, bool swap, int colons, int depth)
    {
        var hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        switch (conv)
        {
            case 'Y':
                if (t.Year < 0) Number(sb, t.Year, pad, width, 5, '0');
                else Number(sb, t.Year, pad, width, 4, '0');
                return true;
            case 'C': Number(sb, t.Year / 100, pad, width, 2, '0'); return true;
            case 'y': Number(sb, t.Year % 100, pad, width, 2, '0'); return true;
            case 'm': Number(sb, t.Month, pad, width, 2, '0'); return true;
            case 'd': Number(sb, t.Day, pad, width, 2, '0'); return true;
            case 'e': Number(sb, t.Day, pad, width, 2, ' '); return true;
            case 'j': Number(sb, t.DayOfYear, pad, width, 3, '0'); return true;
            case 'H': Number(sb, t.Hour, pad, width, 2, '0'); return true;
            case 'k': Number(sb, t.Hour, pad, width, 2, ' '); return true;
            case 'I': Number(sb, hour12, pad, width, 2, '0'); return true;
            case 'l': Number(sb, hour12, pad, width, 2, ' '); return true;
            case 'M': Number(sb, t.Minute, pad, width, 2, '0'); return true;
            case 'S': Number(sb, t.Second, pad, width, 2, '0'); return true;
            case 'L':
                {
                    var digits = width > 0 ? width : 3;
                    sb.Append(FractionDigits(t, digits));
                    return true;
                }
            case 'N':
                {
                    var digits = width > 0 ? width : 9;
                    sb.Append(FractionDigits(t, digits));
                    return true;
                }
            case 's': Number(sb, t.ToUnixTimeSeconds(), pad, width, 1, '0'); return true;
            case 'u': Number(sb, t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek, pad, width, 1, '0'); return true;
            case 'w': Number(sb, (int)t.DayOfWeek, pad, width, 1, '0'); return true;
            case 'U': Number(sb, (t.DayOfYear - 1 + 7 - (int)t.DayOfWeek) / 7, pad, width, 2, '0'); return true;
            case 'W': Number(sb, (t.DayOfYear - 1 + 7 - ((int)t.DayOfWeek + 6) % 7) / 7, pad, width, 2, '0'); return true;
            case 'V': Number(sb, ISOWeek.GetWeekOfYear(t.DateTime), pad, width, 2, '0'); return true;
            case 'G': Number(sb, ISOWeek.GetYear(t.DateTime), pad, width, 4, '0'); return true;
            case 'g': Number(sb, ISOWeek.GetYear(t.DateTime) % 100, pad, width, 2, '0'); return true;
            case 'A': Text(sb, Days[(int)t.DayOfWeek], pad, width, upper || swap); return true;
            case 'a': Text(sb, Days[(int)t.DayOfWeek][..3], pad, width, upper || swap); return true;
            case 'B': Text(sb, Months[t.Month - 1], pad, width, upper || swap); return true;
            case 'b' or 'h': Text(sb, Months[t.Month - 1][..3], pad, width, upper || swap); return true;
            case 'p': Text(sb, swap ? (t.Hour < 12 ? "am" : "pm") : t.Hour < 12 ? "AM" : "PM", pad, width, upper && !swap); return true;
            case 'P': Text(sb, t.Hour < 12 ? "am" : "pm", pad, width, upper); return true;
            case 'Z':
                {
                    var name = t.Offset == TimeSpan.Zero ? "UTC" : "";
                    Text(sb, swap ? name.ToLowerInvariant() : name, pad, width, upper);
                    return true;
                }
            case 'z': Offset(sb, t.Offset, colons, pad, width); return true;
            case 'n': sb.Append('\n'); return true;
            case 't': sb.Append('\t'); return true;
            case '%': sb.Append('%'); return true;
            case 'c': Composite(sb, t, "%a %b %e %H:%M:%S %Y", pad, width, upper || swap, depth); return true;
            case 'D' or 'x': Composite(sb, t, "%m/%d/%y", pad, width, upper || swap, depth); return true;
            case 'F': Composite(sb, t, "%Y-%m-%d", pad, width, upper || swap, depth); return true;
            case 'T' or 'X': Composite(sb, t, "%H:%M:%S", pad, width, upper || swap, depth); return true;
            case 'R': Composite(sb, t, "%H:%M", pad, width, upper || swap, depth); return true;
            case 'r': Composite(sb, t, "%I:%M:%S %p", pad, width, upper || swap, depth); return true;
            case 'v': Composite(sb, t, "%e-%^b-%4Y", pad, width, upper || swap, depth); return true;
            case '+': Composite(sb, t, "%a %b %e %H:%M:%S %Z %Y", pad, width, upper || swap, depth); return true;
            default: return false;
        }
    }

    private static string FractionDigits(DateTimeOffset t, int digits)
    {
        var nanos = (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture);
        digits = Math.Min(digits, 64);
        return digits <= 9 ? nanos[..digits] : nanos.PadRight(digits, '0');
    }

    private static void Composite(StringBuilder sb, DateTimeOffset t, string format, char? pad, int width, bool upper, int depth)
    {
        var inner = new StringBuilder();
        Format(inner, t, format, depth + 1);
        Text(sb, inner.ToString(), pad, width, upper);
    }

    private static void Number(StringBuilder sb, long value, char? pad, int width, int defaultWidth, char defaultPad)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var negative = value < 0;
        if (pad == '\0')
        {
            if (negative) sb.Append('-');
            sb.Append(digits);
            return;
        }
        var padChar = pad ?? defaultPad;
        var w = width >= 0 ? width : defaultWidth;
        var len = digits.Length + (negative ? 1 : 0);
        if (padChar == ' ')
        {
            sb.Append(' ', Math.Max(0, w - len));
            if (negative) sb.Append('-');
        }
        else
        {
            if (negative) sb.Append('-');
            sb.Append('0', Math.Max(0, w - len));
        }
        sb.Append(digits);
    }

    private static void Text(StringBuilder sb, string text, char? pad, int width, bool upper)
    {
        if (upper) text = text.ToUpperInvariant();
        if (width > text.Length && pad != '\0') sb.Append(pad == '0' ? '0' : ' ', width - text.Length);
        sb.Append(text);
    }

    private static void Offset(StringBuilder sb, TimeSpan offset, int colons, char? pad, int width)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var body = colons switch
        {
            0 => $"{abs.Hours:00}{abs.Minutes:00}",
            1 => $"{abs.Hours:00}:{abs.Minutes:00}",
            _ => $"{abs.Hours:00}:{abs.Minutes:00}:{abs.Seconds:00}",
        };
        var text = sign + body;
        if (width > text.Length && pad != '\0')
        {
            if (pad == ' ') sb.Append(' ', width - text.Length).Append(text);
            else sb.Append(sign).Append('0', width - text.Length).Append(body);
        }
        else sb.Append(text);
    }
}
