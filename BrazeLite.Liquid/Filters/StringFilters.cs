using System.Text;
using static BrazeLite.Liquid.Filters.FilterSupport;

namespace BrazeLite.Liquid.Filters;

/// <summary>Liquid's string filters with Ruby's <c>String</c> semantics.</summary>
internal static class StringFilters
{
    // Ruby's String#strip whitespace: NUL, \t, \n, \v, \f, \r and space (ASCII only).
    private static readonly char[] RubySpace = ['\0', '\t', '\n', '\v', '\f', '\r', ' '];

    public static void Register(FilterRegistry filters)
    {
        filters.Add("default", Default, arity: (1, 3));
        filters.Add("append", (input, args, _) => Concat(Str(input), Str(args[0]), "append"), arity: (2, 2));
        filters.Add("prepend", (input, args, _) => Concat(Str(args[0]), Str(input), "prepend"), arity: (2, 2));
        filters.Add("downcase", (input, _, _) => Str(input).ToLowerInvariant(), arity: (1, 1));
        filters.Add("upcase", (input, _, _) => Upcase(Str(input)), arity: (1, 1));
        filters.Add("capitalize", (input, _, _) => Capitalize(Str(input)), arity: (1, 1));
        filters.Add("strip", (input, _, _) => Str(input).Trim(RubySpace), arity: (1, 1));
        filters.Add("lstrip", (input, _, _) => Str(input).TrimStart(RubySpace), arity: (1, 1));
        filters.Add("rstrip", (input, _, _) => Str(input).TrimEnd(RubySpace), arity: (1, 1));
        filters.Add("strip_newlines", (input, _, _) => Str(input).Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), arity: (1, 1));
        filters.Add("newline_to_br", (input, _, _) => NewlineToBr(Str(input)), arity: (1, 1));
        filters.Add("replace", (input, args, _) => ReplaceAll(Str(input), Str(args[0]), Str(args[1]), "replace"), arity: (2, 3));
        filters.Add("replace_first", (input, args, _) => ReplaceFirst(Str(input), Str(args[0]), Str(args[1]), "replace_first"), arity: (2, 3));
        filters.Add("replace_last", (input, args, _) => ReplaceLast(Str(input), Str(args[0]), Str(args[1]), "replace_last"), arity: (3, 3));
        filters.Add("remove", (input, args, _) => ReplaceAll(Str(input), Str(args[0]), "", "remove"), arity: (2, 2));
        filters.Add("remove_first", (input, args, _) => ReplaceFirst(Str(input), Str(args[0]), "", "remove_first"), arity: (2, 2));
        filters.Add("remove_last", (input, args, _) => ReplaceLast(Str(input), Str(args[0]), "", "remove_last"), arity: (2, 2));
        filters.Add("split", (input, args, context) => Split(Str(input), Str(args[0]), context), arity: (2, 2));
        filters.Add("truncate", Truncate, arity: (1, 3));
        filters.Add("truncatewords", TruncateWords, arity: (1, 3));
        filters.Add("slice", Slice, arity: (2, 3));
        filters.Add("base64_encode", (input, _, _) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(input))), arity: (1, 1));
        filters.Add("base64_decode", (input, _, _) => Base64Decode(Str(input), urlSafe: false), arity: (1, 1));
        filters.Add("base64_url_safe_encode", (input, _, _) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(input))).Replace('+', '-').Replace('/', '_'), arity: (1, 1));
        filters.Add("base64_url_safe_decode", (input, _, _) => Base64Decode(Str(input), urlSafe: true), arity: (1, 1));
    }

    // Liquid's default: nil, false (unless allow_false: true) and empty strings, arrays and hashes take the default.
    private static object? Default(object? input, FilterArguments args, IFilterContext context)
    {
        var fallback = args.Count > 0 ? args[0] : "";
        var allowFalse = LiquidValues.IsTruthy(Named(args, "allow_false"));
        var missing = allowFalse ? input is null : !LiquidValues.IsTruthy(input);
        return missing || input is string or IList<object?> or IDictionary<string, object?> && LiquidValues.IsEmpty(input) ? fallback : input;
    }

    private static string Concat(string a, string b, string filter)
    {
        GuardLength((long)a.Length + b.Length, filter);
        return a + b;
    }

    private static string Capitalize(string s)
    {
        if (s.Length == 0) return s;
        var firstLength = char.IsHighSurrogate(s[0]) && s.Length > 1 ? 2 : 1;
        var first = s[..firstLength];
        first = first == "ß" ? "Ss" : Upcase(first);
        return first + s[firstLength..].ToLowerInvariant();
    }

    // Ruby's full Unicode upcase: the one-to-many mappings (ß to SS, ligatures) that .NET's per-character mapping leaves alone.
    internal static string Upcase(string s)
    {
        var upper = s.ToUpperInvariant();
        var special = false;
        foreach (var c in upper)
        {
            if (c >= 0x80 && SpecialUpper.ContainsKey(c)) { special = true; break; }
        }
        if (!special) return upper;
        var sb = new StringBuilder(upper.Length + 8);
        foreach (var c in upper)
        {
            if (c >= 0x80 && SpecialUpper.TryGetValue(c, out var expansion)) sb.Append(expansion);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly Dictionary<char, string> SpecialUpper = new()
    {
        ['\u00DF'] = "SS", ['\u0149'] = "\u02BCN", ['\u01F0'] = "J\u030C", ['\u0587'] = "\u0535\u0552",
        ['\u1E96'] = "H\u0331", ['\u1E97'] = "T\u0308", ['\u1E98'] = "W\u030A", ['\u1E99'] = "Y\u030A", ['\u1E9A'] = "A\u02BE",
        ['\uFB00'] = "FF", ['\uFB01'] = "FI", ['\uFB02'] = "FL", ['\uFB03'] = "FFI", ['\uFB04'] = "FFL", ['\uFB05'] = "ST", ['\uFB06'] = "ST",
        ['\uFB13'] = "\u0544\u0546", ['\uFB14'] = "\u0544\u0535", ['\uFB15'] = "\u0544\u053B", ['\uFB16'] = "\u054E\u0546", ['\uFB17'] = "\u0544\u053D",
    };

    private static string NewlineToBr(string s)
    {
        if (!s.Contains('\n')) return s;
        var sb = new StringBuilder(s.Length + 16);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n') continue;
            if (s[i] == '\n') AppendGuarded(sb, "<br />\n", "newline_to_br");
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    // Ruby's gsub with a literal pattern; an empty pattern matches between every character.
    internal static string ReplaceAll(string input, string pattern, string replacement, string filter)
    {
        if (replacement.Contains('\\')) return ReplaceExpanding(input, pattern, replacement, filter, all: true);
        if (pattern.Length == 0)
        {
            var chars = RubyString.Of(input);
            GuardLength((long)input.Length + (long)(chars.Length + 1) * replacement.Length, filter);
            var sb = new StringBuilder();
            sb.Append(replacement);
            for (var i = 0; i < chars.Length; i++) sb.Append(chars.Substring(i, 1)).Append(replacement);
            return sb.ToString();
        }
        if (replacement.Length > pattern.Length)
        {
            long count = 0;
            for (var i = input.IndexOf(pattern, StringComparison.Ordinal); i >= 0; i = input.IndexOf(pattern, i + pattern.Length, StringComparison.Ordinal)) count++;
            GuardLength(input.Length + count * (replacement.Length - pattern.Length), filter);
        }
        return input.Replace(pattern, replacement, StringComparison.Ordinal);
    }

    // Ruby's sub with a literal pattern.
    private static string ReplaceFirst(string input, string pattern, string replacement, string filter)
    {
        if (replacement.Contains('\\')) return ReplaceExpanding(input, pattern, replacement, filter, all: false);
        var i = input.IndexOf(pattern, StringComparison.Ordinal);
        if (i < 0) return input;
        GuardLength((long)input.Length + replacement.Length, filter);
        return string.Concat(input.AsSpan(0, i), replacement, input.AsSpan(i + pattern.Length));
    }

    // gsub/sub when the replacement holds backslash sequences, which Ruby expands even for a literal pattern:
    // \0 and \& give the match, \` the text before it, \' the text after it, \\ a backslash, \1..\9 nothing.
    private static string ReplaceExpanding(string input, string pattern, string replacement, string filter, bool all)
    {
        var sb = new StringBuilder(input.Length + replacement.Length);
        var pos = 0;
        while (pos <= input.Length)
        {
            var at = input.IndexOf(pattern, pos, StringComparison.Ordinal);
            if (at < 0) break;
            sb.Append(input, pos, at - pos);
            Expand(sb, replacement, input, at, pattern.Length);
            GuardLength(sb.Length, filter);
            if (pattern.Length > 0) pos = at + pattern.Length;
            else
            {
                if (at >= input.Length) { pos = input.Length + 1; break; }
                var step = char.IsHighSurrogate(input[at]) && at + 1 < input.Length ? 2 : 1;
                sb.Append(input, at, step);
                pos = at + step;
            }
            if (!all) break;
        }
        if (pos < input.Length) sb.Append(input, pos, input.Length - pos);
        return Guard(sb.ToString(), filter);
    }

    private static void Expand(StringBuilder sb, string replacement, string input, int at, int length)
    {
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c != '\\' || i + 1 >= replacement.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = replacement[++i];
            switch (next)
            {
                case '0' or '&': sb.Append(input, at, length); break;
                case >= '1' and <= '9': break;
                case '`': sb.Append(input, 0, at); break;
                case '\'': sb.Append(input, at + length, input.Length - at - length); break;
                case '\\': sb.Append('\\'); break;
                default: sb.Append('\\').Append(next); break;
            }
        }
    }

    private static string ReplaceLast(string input, string pattern, string replacement, string filter)
    {
        var i = pattern.Length == 0 ? input.Length : input.LastIndexOf(pattern, StringComparison.Ordinal);
        if (i < 0) return input;
        GuardLength((long)input.Length + replacement.Length, filter);
        return string.Concat(input.AsSpan(0, i), replacement, input.AsSpan(i + pattern.Length));
    }

    /// <summary>Ruby's <c>String#split</c> with a string pattern: " " splits on runs of whitespace, "" into characters; trailing empty fields dropped.</summary>
    internal static List<object?> Split(string input, string pattern, IFilterContext context)
    {
        var result = new List<object?>();
        if (input.Length == 0) return result;
        if (pattern == " ")
        {
            var i = 0;
            while (i < input.Length)
            {
                while (i < input.Length && IsAwkSpace(input[i])) i++;
                if (i >= input.Length) break;
                var start = i;
                while (i < input.Length && !IsAwkSpace(input[i])) i++;
                Add(result, input[start..i], context);
            }
            return result;
        }
        if (pattern.Length == 0)
        {
            var chars = RubyString.Of(input);
            for (var i = 0; i < chars.Length; i++) Add(result, chars.Substring(i, 1), context);
            return result;
        }
        var pos = 0;
        while (true)
        {
            var next = input.IndexOf(pattern, pos, StringComparison.Ordinal);
            if (next < 0)
            {
                Add(result, input[pos..], context);
                break;
            }
            Add(result, input[pos..next], context);
            pos = next + pattern.Length;
        }
        while (result.Count > 0 && result[^1] is string { Length: 0 }) result.RemoveAt(result.Count - 1);
        return result;
    }

    private static void Add(List<object?> list, string item, IFilterContext context)
    {
        if (list.Count >= MaxArrayLength) throw new LiquidFilterException($"split: more than {MaxArrayLength:N0} elements");
        if ((list.Count & 255) == 0) context.CancellationToken.ThrowIfCancellationRequested();
        context.Step();
        list.Add(item);
    }

    private static bool IsAwkSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\0';

    private static object? Truncate(object? input, FilterArguments args, IFilterContext context)
    {
        if (input is null) return null;
        var s = Str(input);
        var length = args.Count > 0 ? LiquidValues.ToInteger(args[0]) : 50;
        var ellipsis = args.Count > 1 ? Str(args[1]) : "...";
        var chars = RubyString.Of(s);
        if (chars.Length <= length) return s;
        var keep = Math.Max(0, length - RubyString.Of(ellipsis).Length);
        return chars.Substring(0, keep) + ellipsis;
    }

    private static object? TruncateWords(object? input, FilterArguments args, IFilterContext context)
    {
        if (input is null) return null;
        var s = Str(input);
        var words = args.Count > 0 ? LiquidValues.ToInteger(args[0]) : 15;
        if (words <= 0) words = 1;
        var ellipsis = args.Count > 1 ? Str(args[1]) : "...";
        var sb = new StringBuilder();
        long taken = 0;
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && IsAwkSpace(s[i])) i++;
            if (i >= s.Length) break;
            var start = i;
            while (i < s.Length && !IsAwkSpace(s[i])) i++;
            if (taken == words) return sb.Append(ellipsis).ToString();
            if (taken > 0) sb.Append(' ');
            sb.Append(s, start, i - start);
            taken++;
            if ((taken & 1023) == 0) context.CancellationToken.ThrowIfCancellationRequested();
        }
        return s;
    }

    private static object? Slice(object? input, FilterArguments args, IFilterContext context)
    {
        if (args.Count == 0) throw new LiquidFilterException("wrong number of arguments (given 1, expected 2..3)");
        var offset = LiquidValues.ToInteger(args[0]);
        var length = args.Count > 1 && args[1] is not null ? LiquidValues.ToInteger(args[1]) : 1;
        if (input is IList<object?> list)
        {
            var result = new List<object?>();
            if (offset < 0) offset += list.Count;
            if (offset < 0 || offset > list.Count || length < 0) return result;
            var end = Math.Min(list.Count, offset + Math.Min(length, list.Count));
            for (var i = offset; i < end; i++)
            {
                context.Step();
                result.Add(list[(int)i]);
            }
            return result;
        }
        var chars = RubyString.Of(Str(input));
        if (offset < 0) offset += chars.Length;
        if (offset < 0 || offset > chars.Length || length < 0) return "";
        return chars.Substring(offset, Math.Min(length, chars.Length));
    }

    private static string Base64Decode(string input, bool urlSafe)
    {
        var filter = urlSafe ? "base64_url_safe_decode" : "base64_decode";
        var s = input;
        if (urlSafe)
        {
            if (s.Contains('+') || s.Contains('/')) throw new LiquidFilterException($"invalid base64 provided to {filter}");
            s = s.Replace('-', '+').Replace('_', '/');
            if (s.Length % 4 != 0 && !s.EndsWith('=')) s = s.PadRight(s.Length + (4 - s.Length % 4), '=');
        }
        byte[] bytes;
        try
        {
            if (s.Length % 4 != 0 || s.Any(char.IsWhiteSpace)) throw new FormatException();
            bytes = Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            throw new LiquidFilterException($"invalid base64 provided to {filter}");
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
