using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>The filters Braze adds to Shopify Liquid: hashing, HMAC, URL and JSON escaping, property access, number delimiting and time zones.</summary>
internal static class BrazeFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("md5", (input, _, _) => Hex(MD5.HashData(Bytes(input))), arity: (1, 1));
        filters.Add("sha1", (input, _, _) => Hex(SHA1.HashData(Bytes(input))), arity: (1, 1));
        filters.Add("sha2", (input, _, _) => Hex(SHA256.HashData(Bytes(input))), arity: (1, 1));
        filters.Add("hmac_sha1_hex", (input, args, _) => Hex(HMACSHA1.HashData(Key(args, "hmac_sha1_hex"), Bytes(input))));
        filters.Add("hmac_sha1_base64", (input, args, _) => Convert.ToBase64String(HMACSHA1.HashData(Key(args, "hmac_sha1_base64"), Bytes(input))));
        filters.Add("hmac_sha256_hex", (input, args, _) => Hex(HMACSHA256.HashData(Key(args, "hmac_sha256_hex"), Bytes(input))));
        filters.Add("hmac_sha256_base64", (input, args, _) => Convert.ToBase64String(HMACSHA256.HashData(Key(args, "hmac_sha256_base64"), Bytes(input))));
        filters.Add("url_escape", (input, _, _) => input is null ? null : UriEscape(Str(input), escapeAmpersand: false), arity: (1, 1));
        filters.Add("url_param_escape", (input, _, _) => input is null ? null : UriEscape(Str(input), escapeAmpersand: true), arity: (1, 1));
        filters.Add("property_accessor", (input, args, _) =>
            input is IDictionary<string, object?> hash && args[0] is { } key && hash.TryGetValue(Str(key), out var v) ? v : null, arity: (2, 2));
        filters.Add("number_with_delimiter", (input, args, _) => NumberWithDelimiter(input, args));
        filters.Add("json_escape", (input, _, _) => input is null ? null : JsonEscape(Str(input)), arity: (1, 1));
        filters.Add("time_zone", TimeZone, arity: (2, 2));
    }

    private static byte[] Bytes(object? input) => Encoding.UTF8.GetBytes(Str(input));

    private static byte[] Key(FilterArguments args, string filter) =>
        args.Count == 0 ? throw new LiquidFilterException($"{filter}: a key is required, e.g. {{{{ message | {filter}: 'secret' }}}}") : Bytes(args[0]);

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>
    /// Percent-encodes the UTF-8 bytes of every character outside <c>A-Za-z0-9-_.!~*'();/?:@&amp;=+$,[]</c>
    /// (Ruby's <c>URI.escape</c>), so <c>hey&lt;&gt;hi</c> gives <c>hey%3C%3Ehi</c>; with <paramref name="escapeAmpersand"/>
    /// <c>&amp;</c> is encoded as well.
    /// </summary>
    internal static string UriEscape(string s, bool escapeAmpersand)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            var safe = b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.!~*'();/?:@=+$,[]".Contains(c) || (c == '&' && !escapeAmpersand));
            if (safe) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return Guard(sb.ToString(), escapeAmpersand ? "url_param_escape" : "url_escape");
    }

    /// <summary>Rails' <c>number_with_delimiter</c>: groups of three digits in the integer part, separated by "," (or the given delimiter); non-numbers unchanged.</summary>
    private static object? NumberWithDelimiter(object? input, FilterArguments args)
    {
        var delimiter = Named(args, "delimiter") is { } dl ? Str(dl) : args.Count > 0 && args[0] is not null ? Str(args[0]) : ",";
        var separator = Named(args, "separator") is { } sp ? Str(sp) : ".";
        string text;
        switch (input)
        {
            case long or int: text = LiquidValues.ToRubyString(input); break;
            case double dbl:
                if (double.IsNaN(dbl) || double.IsInfinity(dbl)) return input;
                text = LiquidValues.FormatFloat(dbl);
                if (text.Contains('e')) text = dbl.ToString("0.###############", CultureInfo.InvariantCulture);
                break;
            case string s:
                if (!LiquidValues.TryToNumber(s, out _)) return input;
                text = s.Trim();
                break;
            default: return input;
        }
        var negative = text.StartsWith('-');
        if (negative) text = text[1..];
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0) sb.Append(delimiter);
            sb.Append(integer[i]);
        }
        if (fraction.Length > 0) sb.Append(separator).Append(fraction);
        return sb.ToString();
    }

    /// <summary>Escapes text for use inside a JSON string literal: quotes, backslashes and control characters.</summary>
    internal static string JsonEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return Guard(sb.ToString(), "json_escape");
    }

    private static object? TimeZone(object? input, FilterArguments args, IFilterContext context)
    {
        var date = RubyTime.ToDate(input, context.Now);
        if (date is null) return input;
        var name = Str(args[0]).Trim();
        if (name.Length == 0) return date.Value;
        if (!TryFindZone(name, out var zone))
        {
            context.Warn($"time_zone: unknown time zone '{name}'; the time is left in {LiquidValues.FormatTime(date.Value)[20..]}");
            return date.Value;
        }
        return TimeZoneInfo.ConvertTime(date.Value, zone);
    }

    private static bool TryFindZone(string name, out TimeZoneInfo zone)
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
