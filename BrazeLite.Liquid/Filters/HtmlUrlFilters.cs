using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>HTML and URL filters with the semantics of Ruby's <c>CGI</c> and Liquid's regular expressions.</summary>
internal static partial class HtmlUrlFilters
{
    public static void Register(FilterRegistry filters)
    {
        filters.Add("escape", (input, _, _) => input is null ? null : Escape(Str(input)), arity: (1, 1));
        filters.Add("h", (input, _, _) => input is null ? null : Escape(Str(input)), arity: (1, 1));
        filters.Add("escape_once", (input, _, _) => EscapeOnce(Str(input)), arity: (1, 1));
        filters.Add("url_encode", (input, _, _) => input is null ? null : CgiEscape(Str(input)), arity: (1, 1));
        filters.Add("url_decode", (input, _, _) => input is null ? null : CgiUnescape(Str(input)), arity: (1, 1));
        filters.Add("strip_html", (input, _, _) => StripHtml(Str(input)), arity: (1, 1));
    }

    /// <summary>Ruby's <c>CGI.escapeHTML</c>: &amp; &lt; &gt; " ' become entities.</summary>
    public static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s) AppendEscaped(sb, c);
        return Guard(sb.ToString(), "escape");
    }

    private static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '&': sb.Append("&amp;"); break;
            case '<': sb.Append("&lt;"); break;
            case '>': sb.Append("&gt;"); break;
            case '"': sb.Append("&quot;"); break;
            case '\'': sb.Append("&#39;"); break;
            default: sb.Append(c); break;
        }
    }

    [GeneratedRegex("[\"><']|&(?!([a-zA-Z]+|(#\\d+));)", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeOnceRegex();

    private static string EscapeOnce(string s) =>
        Guard(EscapeOnceRegex().Replace(s, m =>
        {
            var sb = new StringBuilder(6);
            AppendEscaped(sb, m.Value[0]);
            return sb.ToString();
        }), "escape_once");

    /// <summary>Ruby's <c>CGI.escape</c>: UTF-8 bytes percent-encoded except <c>a-zA-Z0-9_.-~</c>; space becomes <c>+</c>.</summary>
    public static string CgiEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~')
                sb.Append((char)b);
            else if (b == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return Guard(sb.ToString(), "url_encode");
    }

    /// <summary>Ruby's <c>CGI.unescape</c>: <c>+</c> to space, <c>%XX</c> to bytes, read as UTF-8; invalid UTF-8 is an error.</summary>
    public static string CgiUnescape(string s)
    {
        var bytes = new List<byte>(s.Length);
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '+') bytes.Add((byte)' ');
            else if (c == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c < 0x80) bytes.Add((byte)c);
            else
            {
                var len = char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
                var n = Encoding.UTF8.GetBytes(s.AsSpan(i, len), one);
                for (var k = 0; k < n; k++) bytes.Add(one[k]);
                i += len - 1;
            }
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            throw new LiquidFilterException("invalid byte sequence in UTF-8");
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    [GeneratedRegex("<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlocks();

    [GeneratedRegex("<.*?>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTags();

    private static string StripHtml(string s)
    {
        if (!s.Contains('<')) return s;
        return HtmlTags().Replace(HtmlBlocks().Replace(s, ""), "");
    }
}
